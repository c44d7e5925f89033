CREATE TABLE "organization_imports" (
	"organization_id" uuid NOT NULL,
	"file_hash" varchar(44) NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_imports_organization_id_file_hash_pk" PRIMARY KEY("organization_id","file_hash")
);
--> statement-breakpoint
ALTER TABLE "organization_imports" ADD CONSTRAINT "organization_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;