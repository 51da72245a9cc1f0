CREATE TABLE "monitoring_form_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"stage" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"opinion" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"declaration_id" uuid,
	"project_id" uuid,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"money" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assessment" jsonb,
	"light" text DEFAULT 'none' NOT NULL,
	"preparers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rectification_id" uuid,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"cutoff_date" date NOT NULL,
	"kind" text NOT NULL,
	"deadline" date NOT NULL,
	"targets" text NOT NULL,
	"target_organisation_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"rule_set_version" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
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
ALTER TABLE "monitoring_form_steps" ADD CONSTRAINT "monitoring_form_steps_form_id_monitoring_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."monitoring_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_form_steps" ADD CONSTRAINT "monitoring_form_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_forms" ADD CONSTRAINT "monitoring_forms_task_id_monitoring_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."monitoring_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_forms" ADD CONSTRAINT "monitoring_forms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_forms" ADD CONSTRAINT "monitoring_forms_declaration_id_target_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."target_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_forms" ADD CONSTRAINT "monitoring_forms_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_tasks" ADD CONSTRAINT "monitoring_tasks_fiscal_year_fiscal_years_year_fk" FOREIGN KEY ("fiscal_year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_tasks" ADD CONSTRAINT "monitoring_tasks_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_settings" ADD CONSTRAINT "public_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_settings" ADD CONSTRAINT "public_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_decisions" ADD CONSTRAINT "result_decisions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_decisions" ADD CONSTRAINT "result_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_decisions" ADD CONSTRAINT "result_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_form_steps_form_idx" ON "monitoring_form_steps" USING btree ("form_id","at");--> statement-breakpoint
CREATE INDEX "monitoring_forms_task_idx" ON "monitoring_forms" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "monitoring_forms_org_idx" ON "monitoring_forms" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_forms_task_declaration_key" ON "monitoring_forms" USING btree ("task_id","declaration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_forms_task_department_key" ON "monitoring_forms" USING btree ("task_id","organisation_id") WHERE "monitoring_forms"."kind" = 'department';--> statement-breakpoint
CREATE INDEX "monitoring_tasks_year_idx" ON "monitoring_tasks" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "result_decisions_evaluation_key" ON "result_decisions" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "result_decisions_project_idx" ON "result_decisions" USING btree ("organisation_id","project_code","fiscal_year");