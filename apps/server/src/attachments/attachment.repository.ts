import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { attachments, indicators } from '../db/schema.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

export async function isIndicatorOf(db: Queryable, indicatorId: string, evaluationId: string): Promise<boolean> {
  const [indicator] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.id, indicatorId), eq(indicators.evaluationId, evaluationId)));
  return indicator !== undefined;
}

export async function insertAttachment(db: Queryable, values: typeof attachments.$inferInsert) {
  const [row] = await db
    .insert(attachments)
    .values(values)
    .returning({ id: attachments.id, sha256: attachments.sha256, sizeBytes: attachments.sizeBytes });
  if (!row) throw new Error('attachment insert returned nothing');
  return row;
}

export async function findAttachment(db: Queryable, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row;
}

/** What the audit record of a deletion keeps: the file's evaluation and name, not its bytes. */
export async function findAttachmentMeta(db: Queryable, id: string) {
  const [meta] = await db
    .select({ evaluationId: attachments.evaluationId, filename: attachments.filename })
    .from(attachments)
    .where(eq(attachments.id, id));
  return meta;
}

export async function deleteAttachment(db: Queryable, id: string): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, id));
}
