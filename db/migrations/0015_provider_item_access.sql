CREATE TYPE "public"."provider_access_level" AS ENUM('view', 'edit');--> statement-breakpoint
CREATE TYPE "public"."provider_access_status" AS ENUM('pending', 'approved', 'denied', 'ended');--> statement-breakpoint
CREATE TYPE "public"."provider_access_rule" AS ENUM('never', 'ask', 'named');--> statement-breakpoint
-- The unique pair comes first: a foreign key below refers to it.
ALTER TABLE "provider_organizations" ADD CONSTRAINT "provider_organizations_id_organization_id" UNIQUE("id","organization_id");--> statement-breakpoint
CREATE TABLE "provider_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"provider_organization_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"provider_user_id" uuid NOT NULL,
	"collection_id" uuid,
	"reason" varchar(500) NOT NULL,
	"requested_access" "provider_access_level" NOT NULL,
	"requested_minutes" integer NOT NULL,
	"status" "provider_access_status" DEFAULT 'pending' NOT NULL,
	"granted_access" "provider_access_level",
	"expires_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"ended_by_user_id" uuid,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_access_requests_reason_not_blank" CHECK (btrim("provider_access_requests"."reason") <> ''),
	CONSTRAINT "provider_access_requests_minutes_range" CHECK ("provider_access_requests"."requested_minutes" between 60 and 10080),
	CONSTRAINT "provider_access_requests_approved_has_grant" CHECK ("provider_access_requests"."status" <> 'approved' or ("provider_access_requests"."granted_access" is not null and "provider_access_requests"."expires_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "provider_access_technicians" (
	"provider_organization_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"provider_user_id" uuid NOT NULL,
	CONSTRAINT "provider_access_technicians_pk" PRIMARY KEY("provider_organization_id","provider_user_id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "provider_access_rule" "provider_access_rule" DEFAULT 'ask' NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_access_requests" ADD CONSTRAINT "provider_access_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_access_requests" ADD CONSTRAINT "provider_access_requests_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_access_requests" ADD CONSTRAINT "provider_access_requests_client_fk" FOREIGN KEY ("provider_id","provider_organization_id") REFERENCES "public"."provider_organizations"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_access_requests" ADD CONSTRAINT "provider_access_requests_client_organization_fk" FOREIGN KEY ("provider_organization_id","organization_id") REFERENCES "public"."provider_organizations"("id","organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_access_requests" ADD CONSTRAINT "provider_access_requests_member_fk" FOREIGN KEY ("provider_id","provider_user_id") REFERENCES "public"."provider_users"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_access_requests" ADD CONSTRAINT "provider_access_requests_collection_fk" FOREIGN KEY ("organization_id","collection_id") REFERENCES "public"."collections"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_access_requests" ADD CONSTRAINT "provider_access_requests_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_access_technicians" ADD CONSTRAINT "provider_access_technicians_client_fk" FOREIGN KEY ("provider_id","provider_organization_id") REFERENCES "public"."provider_organizations"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_access_technicians" ADD CONSTRAINT "provider_access_technicians_member_fk" FOREIGN KEY ("provider_id","provider_user_id") REFERENCES "public"."provider_users"("provider_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_access_requests_organization_idx" ON "provider_access_requests" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "provider_access_requests_member_idx" ON "provider_access_requests" USING btree ("provider_user_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_access_requests_one_pending" ON "provider_access_requests" USING btree ("provider_user_id","provider_organization_id") WHERE "provider_access_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "provider_access_technicians_member_idx" ON "provider_access_technicians" USING btree ("provider_user_id");