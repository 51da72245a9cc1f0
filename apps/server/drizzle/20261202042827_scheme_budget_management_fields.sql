ALTER TABLE "indicators" ALTER COLUMN "level1" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ALTER COLUMN "level2" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "funding_sources" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "declared_execution_score" integer;--> statement-breakpoint
ALTER TABLE "management_entries" ADD COLUMN "rate" numeric;--> statement-breakpoint
ALTER TABLE "management_entries" ADD COLUMN "declared_score" integer;--> statement-breakpoint
ALTER TABLE "management_entries" ADD COLUMN "own" jsonb;