ALTER TABLE "client_moves" DROP CONSTRAINT "client_moves_claim_complete";--> statement-breakpoint
ALTER TABLE "client_moves" ALTER COLUMN "secret" DROP NOT NULL;--> statement-breakpoint
-- Moves finished before this migration drop the key material they kept.
UPDATE "client_moves" SET "secret" = NULL, "transfer_key" = NULL WHERE "status" IN ('completed', 'cancelled');--> statement-breakpoint
ALTER TABLE "client_moves" ADD CONSTRAINT "client_moves_key_material" CHECK (("client_moves"."status" = 'issued' and "client_moves"."secret" is not null and "client_moves"."transfer_key" is null)
        or ("client_moves"."status" = 'claimed' and "client_moves"."secret" is not null and "client_moves"."transfer_key" is not null
            and "client_moves"."organization_id" is not null and "client_moves"."claimed_at" is not null)
        or ("client_moves"."status" = 'completed' and "client_moves"."secret" is null and "client_moves"."transfer_key" is null
            and "client_moves"."organization_id" is not null and "client_moves"."completed_at" is not null)
        or ("client_moves"."status" = 'cancelled' and "client_moves"."secret" is null and "client_moves"."transfer_key" is null));