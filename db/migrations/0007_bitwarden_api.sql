ALTER TABLE "users" ADD COLUMN "api_key_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "user_key_id" varchar(64);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "revision_date" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "revision_date" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "revision_date" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "device_type" smallint;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "device_identifier" varchar(64);--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "device_name" varchar(64);--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "refresh_token_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_device_complete" CHECK (("user_sessions"."device_type" is null) = ("user_sessions"."device_identifier" is null) and ("user_sessions"."device_type" is null) = ("user_sessions"."refresh_token_hash" is null));--> statement-breakpoint
-- A new security stamp ends every session of the account, browsers' and apps' alike: an app's refresh token would
-- otherwise outlive a master password change (its next access token carries the new stamp).
CREATE FUNCTION keyhouse_end_sessions_on_new_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE user_sessions SET revoked_at = now() WHERE user_id = NEW.id AND revoked_at IS NULL;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_new_stamp_ends_sessions AFTER UPDATE OF security_stamp ON users
  FOR EACH ROW WHEN (OLD.security_stamp IS DISTINCT FROM NEW.security_stamp)
  EXECUTE FUNCTION keyhouse_end_sessions_on_new_stamp();
