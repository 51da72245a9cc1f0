CREATE TABLE "survey_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"code" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"indicator_id" uuid,
	"declared_indicator_id" uuid
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"code_id" uuid,
	"channel" text NOT NULL,
	"answers" jsonb NOT NULL,
	"served_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"completion_seconds" integer,
	"received_at" timestamp with time zone NOT NULL,
	"address" text,
	"fingerprint" text,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consented" boolean DEFAULT false NOT NULL,
	"entered_by" uuid,
	"excluded_at" timestamp with time zone,
	"excluded_by" uuid,
	"exclusion_reason" text
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"intro" text,
	"slug" text NOT NULL,
	"questions" jsonb NOT NULL,
	"scale" jsonb NOT NULL,
	"integrity" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"invite_only" boolean DEFAULT false NOT NULL,
	"personal_consent" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_codes" ADD CONSTRAINT "survey_codes_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_indicators" ADD CONSTRAINT "survey_indicators_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_indicators" ADD CONSTRAINT "survey_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_indicators" ADD CONSTRAINT "survey_indicators_declared_indicator_id_declared_indicators_id_fk" FOREIGN KEY ("declared_indicator_id") REFERENCES "public"."declared_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_code_id_survey_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."survey_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_excluded_by_users_id_fk" FOREIGN KEY ("excluded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_fiscal_year_fiscal_years_year_fk" FOREIGN KEY ("fiscal_year") REFERENCES "public"."fiscal_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_codes_code_key" ON "survey_codes" USING btree ("survey_id","code");--> statement-breakpoint
CREATE INDEX "survey_indicators_survey_idx" ON "survey_indicators" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_indicators_indicator_idx" ON "survey_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "survey_indicators_declared_idx" ON "survey_indicators" USING btree ("declared_indicator_id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_code_key" ON "survey_responses" USING btree ("code_id");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_slug_key" ON "surveys" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "surveys_org_year_idx" ON "surveys" USING btree ("organisation_id","fiscal_year");