CREATE TABLE "indicator_usage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_entry_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"project_code" text NOT NULL,
	"project_name" text NOT NULL,
	"organisation_id" uuid,
	"organisation_name" text NOT NULL,
	"declaration_id" uuid,
	"declared_indicator_id" uuid,
	"direction" text NOT NULL,
	"unit" text,
	"target" numeric,
	"target_text" text,
	"actual" numeric,
	"evaluation_id" uuid,
	"source" text DEFAULT 'approved' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_usage_values" (
	"library_entry_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"values" numeric[] NOT NULL,
	CONSTRAINT "indicator_usage_values_library_entry_id_fiscal_year_kind_pk" PRIMARY KEY("library_entry_id","fiscal_year","kind")
);
--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "code" text;--> statement-breakpoint
UPDATE "indicator_library" SET "code" = numbered."code" FROM (SELECT "id", 'LIB-' || lpad((row_number() OVER (ORDER BY "category", "level1", "level2", "name"))::text, 4, '0') AS "code" FROM "indicator_library") AS numbered WHERE numbered."id" = "indicator_library"."id";--> statement-breakpoint
ALTER TABLE "indicator_library" ALTER COLUMN "code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "formula" text;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "data_source" text;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "evidence" text;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_usage" ADD CONSTRAINT "indicator_usage_library_entry_id_indicator_library_id_fk" FOREIGN KEY ("library_entry_id") REFERENCES "public"."indicator_library"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_usage" ADD CONSTRAINT "indicator_usage_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_usage" ADD CONSTRAINT "indicator_usage_declaration_id_target_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."target_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_usage_values" ADD CONSTRAINT "indicator_usage_values_library_entry_id_indicator_library_id_fk" FOREIGN KEY ("library_entry_id") REFERENCES "public"."indicator_library"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_usage_entry_year_target_idx" ON "indicator_usage" USING btree ("library_entry_id","fiscal_year","target");--> statement-breakpoint
CREATE INDEX "indicator_usage_entry_year_actual_idx" ON "indicator_usage" USING btree ("library_entry_id","fiscal_year","actual");--> statement-breakpoint
CREATE INDEX "indicator_usage_project_year_idx" ON "indicator_usage" USING btree ("project_code","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_usage_declared_indicator_key" ON "indicator_usage" USING btree ("declared_indicator_id") WHERE "indicator_usage"."declared_indicator_id" is not null;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD CONSTRAINT "indicator_library_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_library_code_key" ON "indicator_library" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_library_category_name_key" ON "indicator_library" USING btree ("category","name");