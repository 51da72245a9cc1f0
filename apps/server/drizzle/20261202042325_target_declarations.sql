CREATE TABLE "declaration_contributors" (
	"declaration_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "declaration_contributors_declaration_id_user_id_pk" PRIMARY KEY("declaration_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "declaration_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transition_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"verdict" text,
	"text" text
);
--> statement-breakpoint
CREATE TABLE "declaration_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"stage" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "declaration_versions" (
	"declaration_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declaration_versions_declaration_id_number_pk" PRIMARY KEY("declaration_id","number")
);
--> statement-breakpoint
CREATE TABLE "declared_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"goal_id" text,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"nature" text NOT NULL,
	"direction" text NOT NULL,
	"target" numeric,
	"target_text" text,
	"unit" text,
	"basis" text,
	"basis_text" text,
	"data_source" text,
	"method" text,
	"evidence" text,
	"last_year_actual" numeric,
	"core" boolean DEFAULT false NOT NULL,
	"scoring_rule" text,
	"weight" integer,
	"library_entry_id" uuid
);
--> statement-breakpoint
CREATE TABLE "target_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"project_id" uuid,
	"project_name" text,
	"project_code" text,
	"department" text NOT NULL,
	"implementing_unit" text NOT NULL,
	"attribute" text,
	"period_start" date,
	"period_end" date,
	"funds_total_fen" bigint DEFAULT 0 NOT NULL,
	"funds_fiscal_fen" bigint DEFAULT 0 NOT NULL,
	"funds_other_fen" bigint DEFAULT 0 NOT NULL,
	"overall_goal" text DEFAULT '' NOT NULL,
	"annual_goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"warning_reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "declaration_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "declaration_version" integer;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "declared_indicator_id" uuid;--> statement-breakpoint
ALTER TABLE "declaration_contributors" ADD CONSTRAINT "declaration_contributors_declaration_id_target_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."target_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_contributors" ADD CONSTRAINT "declaration_contributors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_opinions" ADD CONSTRAINT "declaration_opinions_transition_id_declaration_transitions_id_fk" FOREIGN KEY ("transition_id") REFERENCES "public"."declaration_transitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_transitions" ADD CONSTRAINT "declaration_transitions_declaration_id_target_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."target_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_transitions" ADD CONSTRAINT "declaration_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_versions" ADD CONSTRAINT "declaration_versions_declaration_id_target_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."target_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_versions" ADD CONSTRAINT "declaration_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declared_indicators" ADD CONSTRAINT "declared_indicators_declaration_id_target_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."target_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declared_indicators" ADD CONSTRAINT "declared_indicators_library_entry_id_indicator_library_id_fk" FOREIGN KEY ("library_entry_id") REFERENCES "public"."indicator_library"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_declarations" ADD CONSTRAINT "target_declarations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_declarations" ADD CONSTRAINT "target_declarations_fiscal_year_fiscal_years_year_fk" FOREIGN KEY ("fiscal_year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_declarations" ADD CONSTRAINT "target_declarations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_declarations" ADD CONSTRAINT "target_declarations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "declaration_opinions_transition_idx" ON "declaration_opinions" USING btree ("transition_id");--> statement-breakpoint
CREATE INDEX "declaration_transitions_declaration_idx" ON "declaration_transitions" USING btree ("declaration_id","at");--> statement-breakpoint
CREATE INDEX "declared_indicators_declaration_idx" ON "declared_indicators" USING btree ("declaration_id","position");--> statement-breakpoint
CREATE INDEX "target_declarations_org_year_idx" ON "target_declarations" USING btree ("organisation_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "target_declarations_project_key" ON "target_declarations" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "target_declarations_department_key" ON "target_declarations" USING btree ("organisation_id","fiscal_year") WHERE "target_declarations"."kind" = 'department';