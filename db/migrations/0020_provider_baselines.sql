CREATE TABLE "provider_baseline_clients" (
	"provider_id" uuid NOT NULL,
	"provider_organization_id" uuid NOT NULL,
	CONSTRAINT "provider_baseline_clients_pk" PRIMARY KEY("provider_id","provider_organization_id")
);
--> statement-breakpoint
CREATE TABLE "provider_baseline_groups" (
	"provider_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "provider_baseline_groups_pk" PRIMARY KEY("provider_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "provider_baseline_policies" (
	"provider_id" uuid NOT NULL,
	"type" "policy_type" NOT NULL,
	"data" jsonb,
	CONSTRAINT "provider_baseline_policies_pk" PRIMARY KEY("provider_id","type")
);
--> statement-breakpoint
CREATE TABLE "provider_baselines" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"all_clients" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_baseline_clients" ADD CONSTRAINT "provider_baseline_clients_provider_id_provider_baselines_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider_baselines"("provider_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_baseline_clients" ADD CONSTRAINT "provider_baseline_clients_client_fk" FOREIGN KEY ("provider_id","provider_organization_id") REFERENCES "public"."provider_organizations"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_baseline_groups" ADD CONSTRAINT "provider_baseline_groups_provider_id_provider_baselines_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider_baselines"("provider_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_baseline_groups" ADD CONSTRAINT "provider_baseline_groups_group_fk" FOREIGN KEY ("provider_id","group_id") REFERENCES "public"."provider_client_groups"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_baseline_policies" ADD CONSTRAINT "provider_baseline_policies_provider_id_provider_baselines_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider_baselines"("provider_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_baselines" ADD CONSTRAINT "provider_baselines_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_baseline_clients_client_idx" ON "provider_baseline_clients" USING btree ("provider_organization_id");--> statement-breakpoint
CREATE INDEX "provider_baseline_groups_group_idx" ON "provider_baseline_groups" USING btree ("group_id");