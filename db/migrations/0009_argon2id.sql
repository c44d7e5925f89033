ALTER TABLE "users" DROP CONSTRAINT "users_kdf_type";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_kdf_iterations";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "kdf_memory" smallint;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "kdf_parallelism" smallint;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_kdf" CHECK (("users"."kdf_type" = 0 and "users"."kdf_iterations" between 100000 and 2000000 and "users"."kdf_memory" is null and "users"."kdf_parallelism" is null)
        or ("users"."kdf_type" = 1 and "users"."kdf_iterations" between 2 and 10 and "users"."kdf_memory" is not null and "users"."kdf_parallelism" is not null
          and "users"."kdf_memory" between 16 and 1024 and "users"."kdf_parallelism" between 1 and 16));