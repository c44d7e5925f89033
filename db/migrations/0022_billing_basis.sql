CREATE TYPE "public"."billing_basis" AS ENUM('peak', 'average');--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "billing_basis" "billing_basis" DEFAULT 'peak' NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_invoice_items" ADD COLUMN "billing_basis" varchar(16) DEFAULT 'assigned' NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_invoice_items" ADD COLUMN "billed_seats" numeric(12, 2) DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Invoices written before the ledger billed the seats assigned at closing.
UPDATE "provider_invoice_items" SET "billed_seats" = "assigned_seats";