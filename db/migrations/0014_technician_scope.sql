CREATE TABLE "provider_client_group_clients" (
	"provider_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"provider_organization_id" uuid NOT NULL,
	CONSTRAINT "provider_client_group_clients_pk" PRIMARY KEY("group_id","provider_organization_id")
);
--> statement-breakpoint
CREATE TABLE "provider_client_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" varchar(50) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_client_groups_provider_id_id" UNIQUE("provider_id","id"),
	CONSTRAINT "provider_client_groups_name_not_blank" CHECK (btrim("provider_client_groups"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "provider_user_client_groups" (
	"provider_id" uuid NOT NULL,
	"provider_user_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "provider_user_client_groups_pk" PRIMARY KEY("provider_user_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "provider_user_clients" (
	"provider_id" uuid NOT NULL,
	"provider_user_id" uuid NOT NULL,
	"provider_organization_id" uuid NOT NULL,
	CONSTRAINT "provider_user_clients_pk" PRIMARY KEY("provider_user_id","provider_organization_id")
);
--> statement-breakpoint
ALTER TABLE "provider_users" ADD COLUMN "access_all_clients" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_client_group_clients" ADD CONSTRAINT "provider_client_group_clients_group_fk" FOREIGN KEY ("provider_id","group_id") REFERENCES "public"."provider_client_groups"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_client_group_clients" ADD CONSTRAINT "provider_client_group_clients_client_fk" FOREIGN KEY ("provider_id","provider_organization_id") REFERENCES "public"."provider_organizations"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_client_groups" ADD CONSTRAINT "provider_client_groups_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_user_client_groups" ADD CONSTRAINT "provider_user_client_groups_member_fk" FOREIGN KEY ("provider_id","provider_user_id") REFERENCES "public"."provider_users"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_user_client_groups" ADD CONSTRAINT "provider_user_client_groups_group_fk" FOREIGN KEY ("provider_id","group_id") REFERENCES "public"."provider_client_groups"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_user_clients" ADD CONSTRAINT "provider_user_clients_member_fk" FOREIGN KEY ("provider_id","provider_user_id") REFERENCES "public"."provider_users"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_user_clients" ADD CONSTRAINT "provider_user_clients_client_fk" FOREIGN KEY ("provider_id","provider_organization_id") REFERENCES "public"."provider_organizations"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_client_group_clients_client_idx" ON "provider_client_group_clients" USING btree ("provider_organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_client_groups_provider_name" ON "provider_client_groups" USING btree ("provider_id",lower("name"));--> statement-breakpoint
CREATE INDEX "provider_user_client_groups_group_idx" ON "provider_user_client_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "provider_user_clients_client_idx" ON "provider_user_clients" USING btree ("provider_organization_id");