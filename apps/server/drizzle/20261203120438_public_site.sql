CREATE TABLE "published_figures" (
	"evaluation_id" uuid PRIMARY KEY NOT NULL,
	"self_evaluation" jsonb NOT NULL,
	"preparer_phone" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_figures" ADD CONSTRAINT "published_figures_evaluation_id_published_reports_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."published_reports"("evaluation_id") ON DELETE cascade ON UPDATE no action;