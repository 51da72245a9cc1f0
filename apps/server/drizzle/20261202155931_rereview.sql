CREATE TABLE "rereview_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"rule" jsonb NOT NULL,
	"seed" text NOT NULL,
	"population_ids" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"published" boolean DEFAULT false NOT NULL,
	"published_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rereview_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"stratum" text,
	"status" text DEFAULT 'open' NOT NULL,
	"self_total" integer,
	"rereview_total" integer,
	"opinion" text,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rereview_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"item_name" text NOT NULL,
	"weight" integer NOT NULL,
	"self_score" integer NOT NULL,
	"score" integer NOT NULL,
	"reason" text,
	"scored_by" uuid,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rereview_rounds" ADD CONSTRAINT "rereview_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rereview_rounds" ADD CONSTRAINT "rereview_rounds_fiscal_year_fiscal_years_year_fk" FOREIGN KEY ("fiscal_year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rereview_rounds" ADD CONSTRAINT "rereview_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rereview_samples" ADD CONSTRAINT "rereview_samples_round_id_rereview_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rereview_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rereview_samples" ADD CONSTRAINT "rereview_samples_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rereview_samples" ADD CONSTRAINT "rereview_samples_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rereview_scores" ADD CONSTRAINT "rereview_scores_sample_id_rereview_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."rereview_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rereview_scores" ADD CONSTRAINT "rereview_scores_scored_by_users_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rereview_rounds_year_idx" ON "rereview_rounds" USING btree ("fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "rereview_samples_round_evaluation_key" ON "rereview_samples" USING btree ("round_id","evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rereview_scores_sample_item_key" ON "rereview_scores" USING btree ("sample_id","item_id");