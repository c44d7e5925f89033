ALTER TABLE "provider_api_keys" ADD COLUMN "rate_window" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "provider_api_keys" ADD COLUMN "rate_count" integer DEFAULT 0 NOT NULL;