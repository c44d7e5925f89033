CREATE TABLE "email_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" varchar(16) NOT NULL,
	"token_hash" text NOT NULL,
	"email" varchar(256) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "email_tokens_purpose" CHECK ("email_tokens"."purpose" in ('registration', 'verification')),
	CONSTRAINT "email_tokens_email_normalized" CHECK ("email_tokens"."email" = lower(btrim("email_tokens"."email")))
);
--> statement-breakpoint
CREATE TABLE "login_throttles" (
	"key" varchar(320) PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "login_throttles_failures_non_negative" CHECK ("login_throttles"."failures" >= 0)
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "internal_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_tokens_email_idx" ON "email_tokens" USING btree ("email");--> statement-breakpoint
CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_internal_organization_id_organizations_id_fk" FOREIGN KEY ("internal_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_internal_organization" UNIQUE("internal_organization_id");--> statement-breakpoint
-- A provider's internal organization is never a client (DESIGN §11): neither linking it as a client nor marking
-- a client as internal gets through, whatever the application does.
CREATE FUNCTION keyhouse_refuse_internal_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'provider_organizations' THEN
    IF EXISTS (SELECT 1 FROM providers WHERE internal_organization_id = NEW.organization_id) THEN
      RAISE EXCEPTION 'a provider''s internal organization cannot be a client'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'provider_organizations_not_internal';
    END IF;
  ELSIF NEW.internal_organization_id IS NOT NULL
    AND EXISTS (SELECT 1 FROM provider_organizations WHERE organization_id = NEW.internal_organization_id) THEN
    RAISE EXCEPTION 'a client organization cannot be a provider''s internal organization'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'provider_organizations_not_internal';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER provider_organizations_not_internal BEFORE INSERT OR UPDATE OF organization_id ON provider_organizations
  FOR EACH ROW EXECUTE FUNCTION keyhouse_refuse_internal_client();
--> statement-breakpoint
CREATE TRIGGER providers_internal_not_client BEFORE INSERT OR UPDATE OF internal_organization_id ON providers
  FOR EACH ROW EXECUTE FUNCTION keyhouse_refuse_internal_client();
--> statement-breakpoint
-- Following an invitation or setup link proved an address: members who accepted one are verified.
UPDATE users SET email_verified = true WHERE id IN (
  SELECT user_id FROM organization_users WHERE user_id IS NOT NULL AND status IN ('accepted', 'confirmed')
  UNION SELECT user_id FROM provider_users WHERE user_id IS NOT NULL AND status IN ('accepted', 'confirmed')
);
