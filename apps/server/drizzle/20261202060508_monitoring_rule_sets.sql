CREATE TABLE "monitoring_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_rule_sets" ADD CONSTRAINT "monitoring_rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_rule_sets_region_year_version_key" ON "monitoring_rule_sets" USING btree ("region","fiscal_year","version");--> statement-breakpoint
CREATE INDEX "monitoring_rule_sets_year_idx" ON "monitoring_rule_sets" USING btree ("fiscal_year");