ALTER TABLE "indicators" ADD COLUMN "adjusted_target" numeric;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "adjusted_target_text" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "score_coefficient" numeric;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "is_core" boolean DEFAULT false NOT NULL;