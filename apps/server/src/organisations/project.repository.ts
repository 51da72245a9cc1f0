import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { projects } from '../db/schema.ts';

/** A project (项目) is owned by its unit; evaluations and budget lines both refer to it. */
export async function getProject(db: Queryable, id: string) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}
