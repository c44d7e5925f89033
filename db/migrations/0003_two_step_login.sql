ALTER TABLE "users" ADD COLUMN "two_factor_secret" varchar(64);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "two_factor_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "two_factor_recovery_code_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_two_factor_complete" CHECK ("users"."two_factor_enabled_at" is null or ("users"."two_factor_secret" is not null and "users"."two_factor_recovery_code_hash" is not null));