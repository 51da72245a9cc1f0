CREATE TABLE "contract_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"opinion" text,
	"released_fen" bigint
);
--> statement-breakpoint
ALTER TABLE "contract_closures" ADD CONSTRAINT "contract_closures_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_closures" ADD CONSTRAINT "contract_closures_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_closures" ADD CONSTRAINT "contract_closures_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_closures_contract_idx" ON "contract_closures" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_closures_open_key" ON "contract_closures" USING btree ("contract_id") WHERE status = 'requested';