CREATE TABLE "provider_pending_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" varchar(50) NOT NULL,
	"owner_email" varchar(256) NOT NULL,
	"plan_type" "provider_plan_type" NOT NULL,
	"seats" integer NOT NULL,
	"requested_by" uuid,
	"api_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" uuid,
	"set_up_at" timestamp with time zone,
	CONSTRAINT "provider_pending_clients_seats_positive" CHECK ("provider_pending_clients"."seats" >= 1)
);
--> statement-breakpoint
ALTER TABLE "provider_pending_clients" ADD CONSTRAINT "provider_pending_clients_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_pending_clients" ADD CONSTRAINT "provider_pending_clients_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_pending_clients" ADD CONSTRAINT "provider_pending_clients_api_key_id_provider_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."provider_api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_pending_clients" ADD CONSTRAINT "provider_pending_clients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_pending_clients_provider_idx" ON "provider_pending_clients" USING btree ("provider_id","created_at");