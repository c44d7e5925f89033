CREATE TABLE "client_usage_days" (
	"provider_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"client_name" varchar(50) NOT NULL,
	"day" date NOT NULL,
	"seats_assigned" integer NOT NULL,
	"seats_used" integer NOT NULL,
	CONSTRAINT "client_usage_days_pk" PRIMARY KEY("organization_id","provider_id","day")
);
--> statement-breakpoint
ALTER TABLE "client_usage_days" ADD CONSTRAINT "client_usage_days_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_usage_days_provider_day_idx" ON "client_usage_days" USING btree ("provider_id","day");