CREATE TYPE "public"."provider_plan_type" AS ENUM('teams_monthly', 'enterprise_monthly');--> statement-breakpoint
CREATE TYPE "public"."provider_status" AS ENUM('pending', 'created', 'billable');--> statement-breakpoint
CREATE TYPE "public"."provider_type" AS ENUM('msp', 'reseller', 'business_unit');--> statement-breakpoint
CREATE TYPE "public"."provider_user_status" AS ENUM('invited', 'accepted', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."provider_user_type" AS ENUM('provider_admin', 'service_user');--> statement-breakpoint
CREATE TYPE "public"."organization_plan_type" AS ENUM('free', 'teams_monthly', 'teams_annually', 'enterprise_monthly', 'enterprise_annually');--> statement-breakpoint
CREATE TYPE "public"."organization_status" AS ENUM('created', 'managed');--> statement-breakpoint
CREATE TYPE "public"."organization_user_status" AS ENUM('revoked', 'invited', 'accepted', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."organization_user_type" AS ENUM('owner', 'admin', 'user', 'custom');--> statement-breakpoint
CREATE TYPE "public"."cipher_type" AS ENUM('login', 'secure_note', 'card', 'identity', 'ssh_key');--> statement-breakpoint
CREATE TYPE "public"."policy_type" AS ENUM('master_password', 'password_generator', 'single_org', 'personal_ownership', 'disable_personal_vault_export', 'two_factor_authentication');--> statement-breakpoint
CREATE TYPE "public"."invitation_kind" AS ENUM('provider_setup', 'provider_user', 'organization_user');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('pending', 'sent', 'logged', 'failed');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(256) NOT NULL,
	"name" varchar(50) NOT NULL,
	"kdf_type" smallint DEFAULT 0 NOT NULL,
	"kdf_iterations" integer NOT NULL,
	"master_password_hash" text NOT NULL,
	"key" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"security_stamp" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_normalized" CHECK ("users"."email" = lower(btrim("users"."email")) and position('@' in "users"."email") > 1),
	CONSTRAINT "users_kdf_type" CHECK ("users"."kdf_type" = 0),
	CONSTRAINT "users_kdf_iterations" CHECK ("users"."kdf_iterations" between 100000 and 2000000),
	CONSTRAINT "users_name_not_blank" CHECK (btrim("users"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "provider_organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_organizations_one_provider" UNIQUE("organization_id"),
	CONSTRAINT "provider_organizations_provider_id_id" UNIQUE("provider_id","id")
);
--> statement-breakpoint
CREATE TABLE "provider_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"plan_type" "provider_plan_type" NOT NULL,
	"seat_minimum" integer DEFAULT 0 NOT NULL,
	"purchased_seats" integer DEFAULT 0 NOT NULL,
	"allocated_seats" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "provider_plans_provider_plan" UNIQUE("provider_id","plan_type"),
	CONSTRAINT "provider_plans_seats_non_negative" CHECK ("provider_plans"."seat_minimum" >= 0 and "provider_plans"."purchased_seats" >= 0 and "provider_plans"."allocated_seats" >= 0),
	CONSTRAINT "provider_plans_seat_minimum_bounded" CHECK ("provider_plans"."seat_minimum" <= 100000)
);
--> statement-breakpoint
CREATE TABLE "provider_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"user_id" uuid,
	"email" varchar(256) NOT NULL,
	"type" "provider_user_type" NOT NULL,
	"status" "provider_user_status" DEFAULT 'invited' NOT NULL,
	"key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_users_provider_email" UNIQUE("provider_id","email"),
	CONSTRAINT "provider_users_provider_id_id" UNIQUE("provider_id","id"),
	CONSTRAINT "provider_users_email_normalized" CHECK ("provider_users"."email" = lower(btrim("provider_users"."email"))),
	CONSTRAINT "provider_users_accepted_has_user" CHECK ("provider_users"."status" = 'invited' or "provider_users"."user_id" is not null),
	CONSTRAINT "provider_users_confirmed_has_key" CHECK ("provider_users"."status" <> 'confirmed' or "provider_users"."key" is not null)
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(50) NOT NULL,
	"business_name" varchar(50),
	"billing_email" varchar(256),
	"type" "provider_type" DEFAULT 'msp' NOT NULL,
	"status" "provider_status" DEFAULT 'pending' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"use_events" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_name_not_blank" CHECK (btrim("providers"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "group_users" (
	"organization_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"organization_user_id" uuid NOT NULL,
	CONSTRAINT "group_users_pk" PRIMARY KEY("group_id","organization_user_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_org_id_id" UNIQUE("organization_id","id"),
	CONSTRAINT "groups_name_not_blank" CHECK (btrim("groups"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "organization_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid,
	"email" varchar(256) NOT NULL,
	"type" "organization_user_type" NOT NULL,
	"status" "organization_user_status" DEFAULT 'invited' NOT NULL,
	"permissions" jsonb,
	"key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_users_org_email" UNIQUE("organization_id","email"),
	CONSTRAINT "organization_users_org_id_id" UNIQUE("organization_id","id"),
	CONSTRAINT "organization_users_email_normalized" CHECK ("organization_users"."email" = lower(btrim("organization_users"."email"))),
	CONSTRAINT "organization_users_accepted_has_user" CHECK ("organization_users"."status" in ('invited', 'revoked') or "organization_users"."user_id" is not null),
	CONSTRAINT "organization_users_confirmed_has_key" CHECK ("organization_users"."status" <> 'confirmed' or "organization_users"."key" is not null)
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(50) NOT NULL,
	"billing_email" varchar(256) NOT NULL,
	"plan_type" "organization_plan_type" NOT NULL,
	"seats" integer NOT NULL,
	"status" "organization_status" DEFAULT 'created' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"use_groups" boolean DEFAULT true NOT NULL,
	"use_policies" boolean DEFAULT true NOT NULL,
	"use_events" boolean DEFAULT true NOT NULL,
	"use_totp" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_name_not_blank" CHECK (btrim("organizations"."name") <> ''),
	CONSTRAINT "organizations_seats_range" CHECK ("organizations"."seats" between 1 and 100000)
);
--> statement-breakpoint
CREATE TABLE "collection_groups" (
	"organization_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"read_only" boolean DEFAULT false NOT NULL,
	"hide_passwords" boolean DEFAULT false NOT NULL,
	"manage" boolean DEFAULT false NOT NULL,
	CONSTRAINT "collection_groups_pk" PRIMARY KEY("collection_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "collection_users" (
	"organization_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"organization_user_id" uuid NOT NULL,
	"read_only" boolean DEFAULT false NOT NULL,
	"hide_passwords" boolean DEFAULT false NOT NULL,
	"manage" boolean DEFAULT false NOT NULL,
	CONSTRAINT "collection_users_pk" PRIMARY KEY("collection_id","organization_user_id")
);
--> statement-breakpoint
CREATE TABLE "collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collections_org_id_id" UNIQUE("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "cipher_user_states" (
	"cipher_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"folder_id" uuid,
	"favorite" boolean DEFAULT false NOT NULL,
	CONSTRAINT "cipher_user_states_pk" PRIMARY KEY("cipher_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "ciphers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"organization_id" uuid,
	"type" "cipher_type" NOT NULL,
	"data" jsonb NOT NULL,
	"key" text,
	"reprompt" smallint DEFAULT 0 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ciphers_org_id_id" UNIQUE("organization_id","id"),
	CONSTRAINT "ciphers_one_owner" CHECK (("ciphers"."user_id" is null) <> ("ciphers"."organization_id" is null)),
	CONSTRAINT "ciphers_reprompt" CHECK ("ciphers"."reprompt" in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "collection_ciphers" (
	"organization_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"cipher_id" uuid NOT NULL,
	CONSTRAINT "collection_ciphers_pk" PRIMARY KEY("collection_id","cipher_id")
);
--> statement-breakpoint
CREATE TABLE "folders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "folders_user_id_id" UNIQUE("user_id","id")
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"type" "policy_type" NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_org_type" UNIQUE("organization_id","type")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" varchar(64) NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acting_user_id" uuid,
	"provider_id" uuid,
	"organization_id" uuid,
	"user_id" uuid,
	"provider_user_id" uuid,
	"provider_organization_id" uuid,
	"organization_user_id" uuid,
	"group_id" uuid,
	"collection_id" uuid,
	"cipher_id" uuid,
	"policy_id" uuid,
	"ip" varchar(64),
	"device" varchar(256),
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "invitation_kind" NOT NULL,
	"token_hash" text NOT NULL,
	"email" varchar(256) NOT NULL,
	"provider_id" uuid,
	"provider_user_id" uuid,
	"organization_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_email_normalized" CHECK ("invitations"."email" = lower(btrim("invitations"."email"))),
	CONSTRAINT "invitations_target" CHECK (("invitations"."kind" = 'provider_setup' and "invitations"."provider_id" is not null)
        or ("invitations"."kind" = 'provider_user' and "invitations"."provider_user_id" is not null)
        or ("invitations"."kind" = 'organization_user' and "invitations"."organization_user_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" varchar(256) NOT NULL,
	"subject" varchar(256) NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"status" "mail_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "provider_organizations" ADD CONSTRAINT "provider_organizations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_organizations" ADD CONSTRAINT "provider_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_plans" ADD CONSTRAINT "provider_plans_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_users" ADD CONSTRAINT "provider_users_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_users" ADD CONSTRAINT "provider_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_users" ADD CONSTRAINT "group_users_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_users" ADD CONSTRAINT "group_users_member_fk" FOREIGN KEY ("organization_id","organization_user_id") REFERENCES "public"."organization_users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_users" ADD CONSTRAINT "organization_users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_users" ADD CONSTRAINT "organization_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_groups" ADD CONSTRAINT "collection_groups_collection_fk" FOREIGN KEY ("organization_id","collection_id") REFERENCES "public"."collections"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_groups" ADD CONSTRAINT "collection_groups_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_users" ADD CONSTRAINT "collection_users_collection_fk" FOREIGN KEY ("organization_id","collection_id") REFERENCES "public"."collections"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_users" ADD CONSTRAINT "collection_users_member_fk" FOREIGN KEY ("organization_id","organization_user_id") REFERENCES "public"."organization_users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cipher_user_states" ADD CONSTRAINT "cipher_user_states_cipher_id_ciphers_id_fk" FOREIGN KEY ("cipher_id") REFERENCES "public"."ciphers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cipher_user_states" ADD CONSTRAINT "cipher_user_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cipher_user_states" ADD CONSTRAINT "cipher_user_states_folder_fk" FOREIGN KEY ("user_id","folder_id") REFERENCES "public"."folders"("user_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ciphers" ADD CONSTRAINT "ciphers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ciphers" ADD CONSTRAINT "ciphers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_ciphers" ADD CONSTRAINT "collection_ciphers_collection_fk" FOREIGN KEY ("organization_id","collection_id") REFERENCES "public"."collections"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_ciphers" ADD CONSTRAINT "collection_ciphers_cipher_fk" FOREIGN KEY ("organization_id","cipher_id") REFERENCES "public"."ciphers"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folders" ADD CONSTRAINT "folders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_provider_user_id_provider_users_id_fk" FOREIGN KEY ("provider_user_id") REFERENCES "public"."provider_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_user_id_organization_users_id_fk" FOREIGN KEY ("organization_user_id") REFERENCES "public"."organization_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_organizations_provider_idx" ON "provider_organizations" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_users_provider_user" ON "provider_users" USING btree ("provider_id","user_id") WHERE "provider_users"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "provider_users_user_idx" ON "provider_users" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_users_org_user" ON "organization_users" USING btree ("organization_id","user_id") WHERE "organization_users"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "organization_users_user_idx" ON "organization_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ciphers_user_idx" ON "ciphers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ciphers_org_idx" ON "ciphers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "collection_ciphers_cipher_idx" ON "collection_ciphers" USING btree ("cipher_id");--> statement-breakpoint
CREATE INDEX "events_org_time_idx" ON "events" USING btree ("organization_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_provider_time_idx" ON "events" USING btree ("provider_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_user_time_idx" ON "events" USING btree ("acting_user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "invitations_provider_user_idx" ON "invitations" USING btree ("provider_user_id");--> statement-breakpoint
CREATE INDEX "invitations_organization_user_idx" ON "invitations" USING btree ("organization_user_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_status_idx" ON "mail_outbox" USING btree ("status","created_at");