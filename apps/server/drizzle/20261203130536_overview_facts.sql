CREATE TABLE "overview_facts" (
	"evaluation_id" uuid PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL,
	"format" integer NOT NULL,
	"input" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "overview_facts" ADD CONSTRAINT "overview_facts_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;