CREATE TABLE "provider_invoice_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"client_name" varchar(50) NOT NULL,
	"plan_type" text NOT NULL,
	"assigned_seats" integer NOT NULL,
	"used_seats" integer NOT NULL,
	"seat_price_cents" integer NOT NULL,
	"estimated_total_cents" integer NOT NULL,
	CONSTRAINT "provider_invoice_items_seats" CHECK ("provider_invoice_items"."assigned_seats" >= 0 and "provider_invoice_items"."used_seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "provider_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"number" varchar(64) NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"total_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_invoices_number_unique" UNIQUE("number"),
	CONSTRAINT "provider_invoices_provider_period" UNIQUE("provider_id","period_start"),
	CONSTRAINT "provider_invoices_period_order" CHECK ("provider_invoices"."period_end" > "provider_invoices"."period_start"),
	CONSTRAINT "provider_invoices_total_non_negative" CHECK ("provider_invoices"."total_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "provider_invoice_items" ADD CONSTRAINT "provider_invoice_items_invoice_id_provider_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."provider_invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_invoices" ADD CONSTRAINT "provider_invoices_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_invoice_items_invoice_idx" ON "provider_invoice_items" USING btree ("invoice_id");