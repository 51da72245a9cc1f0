CREATE TABLE "rectification_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rectification_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"text" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text,
	"source_title" text NOT NULL,
	"problem" text NOT NULL,
	"measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_name" text,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rectification_steps" ADD CONSTRAINT "rectification_steps_rectification_id_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."rectifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_steps" ADD CONSTRAINT "rectification_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rectification_steps_rectification_idx" ON "rectification_steps" USING btree ("rectification_id","at");--> statement-breakpoint
CREATE INDEX "rectifications_org_year_idx" ON "rectifications" USING btree ("organisation_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "rectifications_status_idx" ON "rectifications" USING btree ("status","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "rectifications_open_source_key" ON "rectifications" USING btree ("source_kind","source_id","organisation_id") WHERE "rectifications"."status" <> 'closed' and "rectifications"."source_id" is not null;