import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes via a temporary file and a rename, so a failure (disk full, a crash mid-render) never
 * leaves a half-written .docx where the user expects a good one.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, data);
  await rename(temporary, path);
}
