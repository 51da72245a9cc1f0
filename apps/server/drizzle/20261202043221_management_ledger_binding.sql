ALTER TABLE "management_entries" ADD COLUMN "binding_metric" text;--> statement-breakpoint
ALTER TABLE "management_entries" ADD COLUMN "binding_scope" jsonb;