CREATE TABLE "public_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"show_preparer_phone" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"project_code" text NOT NULL,
	"project_name" text NOT NULL,
	"score_source" text NOT NULL,
	"total" integer NOT NULL,
	"grade" text NOT NULL,
	"budget_fen" bigint NOT NULL,
	"suggested_treatment" text NOT NULL,
	"suggested_fen" bigint NOT NULL,
	"reduce_percent" integer NOT NULL,
	"decision" text NOT NULL,
	"treatment" text NOT NULL,
	"decided_fen" bigint NOT NULL,
	"reason" text,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_settings" ADD CONSTRAINT "public_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_settings" ADD CONSTRAINT "public_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_decisions" ADD CONSTRAINT "result_decisions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_decisions" ADD CONSTRAINT "result_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_decisions" ADD CONSTRAINT "result_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "result_decisions_evaluation_key" ON "result_decisions" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "result_decisions_project_idx" ON "result_decisions" USING btree ("organisation_id","project_code","fiscal_year");