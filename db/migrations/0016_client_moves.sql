CREATE TYPE "public"."client_move_status" AS ENUM('issued', 'claimed', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "client_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_provider_id" uuid NOT NULL,
	"issued_by_user_id" uuid,
	"secret" text NOT NULL,
	"verifier" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" "client_move_status" DEFAULT 'issued' NOT NULL,
	"organization_id" uuid,
	"from_provider_id" uuid,
	"transfer_key" text,
	"claimed_by_user_id" uuid,
	"claimed_at" timestamp with time zone,
	"completed_by_user_id" uuid,
	"completed_at" timestamp with time zone,
	"cancelled_by_user_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_moves_claim_complete" CHECK ("client_moves"."status" = 'issued' or "client_moves"."status" = 'cancelled' or ("client_moves"."organization_id" is not null and "client_moves"."transfer_key" is not null and "client_moves"."claimed_at" is not null)),
	CONSTRAINT "client_moves_not_to_itself" CHECK ("client_moves"."from_provider_id" is null or "client_moves"."from_provider_id" <> "client_moves"."to_provider_id")
);
--> statement-breakpoint
ALTER TABLE "client_moves" ADD CONSTRAINT "client_moves_to_provider_id_providers_id_fk" FOREIGN KEY ("to_provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_moves" ADD CONSTRAINT "client_moves_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_moves" ADD CONSTRAINT "client_moves_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_moves" ADD CONSTRAINT "client_moves_from_provider_id_providers_id_fk" FOREIGN KEY ("from_provider_id") REFERENCES "public"."providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_moves" ADD CONSTRAINT "client_moves_claimed_by_user_id_users_id_fk" FOREIGN KEY ("claimed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_moves" ADD CONSTRAINT "client_moves_completed_by_user_id_users_id_fk" FOREIGN KEY ("completed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_moves" ADD CONSTRAINT "client_moves_cancelled_by_user_id_users_id_fk" FOREIGN KEY ("cancelled_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_moves_to_provider_idx" ON "client_moves" USING btree ("to_provider_id","created_at");--> statement-breakpoint
CREATE INDEX "client_moves_from_provider_idx" ON "client_moves" USING btree ("from_provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_moves_one_claimed" ON "client_moves" USING btree ("organization_id") WHERE "client_moves"."status" = 'claimed';