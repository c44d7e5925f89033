CREATE TYPE "public"."provider_request_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "provider_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_id" uuid NOT NULL,
	"business_name" varchar(50) NOT NULL,
	"type" "provider_type" NOT NULL,
	"billing_email" varchar(256) NOT NULL,
	"internal_organization_id" uuid NOT NULL,
	"first_client_name" varchar(50),
	"status" "provider_request_status" DEFAULT 'pending' NOT NULL,
	"reason" varchar(500),
	"decided_at" timestamp with time zone,
	"provider_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_requests_business_name_not_blank" CHECK (btrim("provider_requests"."business_name") <> ''),
	CONSTRAINT "provider_requests_type" CHECK ("provider_requests"."type" in ('msp', 'reseller')),
	CONSTRAINT "provider_requests_rejected_has_reason" CHECK ("provider_requests"."status" <> 'rejected' or "provider_requests"."reason" is not null),
	CONSTRAINT "provider_requests_decided" CHECK (("provider_requests"."status" = 'pending') = ("provider_requests"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "provider_users" DROP CONSTRAINT "provider_users_confirmed_has_key";--> statement-breakpoint
ALTER TABLE "provider_requests" ADD CONSTRAINT "provider_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_requests" ADD CONSTRAINT "provider_requests_internal_organization_id_organizations_id_fk" FOREIGN KEY ("internal_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_requests" ADD CONSTRAINT "provider_requests_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "provider_requests_one_pending_per_requester" ON "provider_requests" USING btree ("requester_id") WHERE "provider_requests"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "provider_requests_one_pending_per_organization" ON "provider_requests" USING btree ("internal_organization_id") WHERE "provider_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "provider_requests_status_idx" ON "provider_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_users_one_keyless_admin" ON "provider_users" USING btree ("provider_id") WHERE "provider_users"."status" = 'confirmed' and "provider_users"."key" is null;--> statement-breakpoint
ALTER TABLE "provider_users" ADD CONSTRAINT "provider_users_confirmed_has_key" CHECK ("provider_users"."status" <> 'confirmed' or "provider_users"."key" is not null or "provider_users"."type" = 'provider_admin');