import type { IssueList } from '@jixiao/documents';

/** What a kind's check receives: the file's valid rows, where its columns are, and the list to add issues to. */
export interface ImportInput<Row> {
  /** The organisation the import is for (本次导入单位); every row's unit must be it or below it. */
  readonly organisationId: string;
  readonly rows: readonly Row[];
  /** “金额（E列）” by column key, from the file's own header row. */
  readonly columns: Readonly<Record<string, string>>;
  readonly issues: IssueList;
  readonly userId: string;
}

export const issueAt = <Row extends { row: number }>(input: ImportInput<Row>, row: Row, key: string, message: string) =>
  input.issues.add({ row: row.row, column: input.columns[key] ?? key, message });

/** Rows per INSERT statement: large enough that statements are few, small enough (~300 KB of JSON) that each is quick and other requests get a turn between them. */
export const INSERT_CHUNK = 1_000;

/** Runs `write` over consecutive chunks, yielding to the event loop between them so other requests get a turn. */
export async function inChunks<T>(items: readonly T[], write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += INSERT_CHUNK) {
    await write(items.slice(start, start + INSERT_CHUNK));
    await new Promise((resolve) => setImmediate(resolve));
  }
}
