CREATE TABLE "ex_ante_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"funds_fen" bigint NOT NULL,
	"entries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conclusion" text,
	"total_points" integer,
	"opinion" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"concluded_by" uuid,
	"concluded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ex_ante_assessments" ADD CONSTRAINT "ex_ante_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ex_ante_assessments" ADD CONSTRAINT "ex_ante_assessments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ex_ante_assessments" ADD CONSTRAINT "ex_ante_assessments_fiscal_year_fiscal_years_year_fk" FOREIGN KEY ("fiscal_year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ex_ante_assessments" ADD CONSTRAINT "ex_ante_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ex_ante_assessments" ADD CONSTRAINT "ex_ante_assessments_concluded_by_users_id_fk" FOREIGN KEY ("concluded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ex_ante_assessments_project_year_key" ON "ex_ante_assessments" USING btree ("project_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "ex_ante_assessments_org_year_idx" ON "ex_ante_assessments" USING btree ("organisation_id","fiscal_year");