CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_single_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64));
--> statement-breakpoint
-- Links an entry into the chain when its transaction commits (a deferred constraint trigger runs after every
-- other statement of the transaction): the head is then the last row the transaction locks, so two writers
-- cannot deadlock on it, and it stays locked only until the commit. READ COMMITTED re-reads the head a waiting
-- writer gets, so no two entries take the same previous one. The link formula is linkHash in
-- src/audit/audit-chain.ts; rows without content_hash (written by a version without the chain) are left for
-- the start-up step to chain.
CREATE FUNCTION "audit_log_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  link text;
BEGIN
  IF NEW.content_hash IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT "seq", "hash" INTO head_seq, head_hash FROM "audit_chain_head" WHERE "id" = 1 FOR UPDATE;
  link := encode(sha256(convert_to((head_seq + 1)::text || ':' || NEW.content_hash || ':' || head_hash, 'UTF8')), 'hex');
  UPDATE "audit_log" SET "seq" = head_seq + 1, "prev_hash" = head_hash, "hash" = link WHERE "id" = NEW.id;
  UPDATE "audit_chain_head" SET "seq" = head_seq + 1, "hash" = link WHERE "id" = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "audit_log_chain" AFTER INSERT ON "audit_log" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();
