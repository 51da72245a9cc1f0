CREATE TABLE "target_adjustment_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adjustment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"target" numeric,
	"target_text" text,
	"indicator" jsonb,
	"reason" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_adjustment_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adjustment_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"stage" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"opinion" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"base_version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"preparers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warning_reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result_version" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "target_adjustment" jsonb;--> statement-breakpoint
ALTER TABLE "target_adjustment_changes" ADD CONSTRAINT "target_adjustment_changes_adjustment_id_target_adjustments_id_fk" FOREIGN KEY ("adjustment_id") REFERENCES "public"."target_adjustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_adjustment_steps" ADD CONSTRAINT "target_adjustment_steps_adjustment_id_target_adjustments_id_fk" FOREIGN KEY ("adjustment_id") REFERENCES "public"."target_adjustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_adjustment_steps" ADD CONSTRAINT "target_adjustment_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_adjustments" ADD CONSTRAINT "target_adjustments_declaration_id_target_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."target_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_adjustments" ADD CONSTRAINT "target_adjustments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_adjustments" ADD CONSTRAINT "target_adjustments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_adjustment_changes_adjustment_idx" ON "target_adjustment_changes" USING btree ("adjustment_id","position");--> statement-breakpoint
CREATE INDEX "target_adjustment_steps_adjustment_idx" ON "target_adjustment_steps" USING btree ("adjustment_id","at");--> statement-breakpoint
CREATE INDEX "target_adjustments_org_year_idx" ON "target_adjustments" USING btree ("organisation_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "target_adjustments_open_key" ON "target_adjustments" USING btree ("declaration_id") WHERE "target_adjustments"."status" not in ('approved', 'rejected');