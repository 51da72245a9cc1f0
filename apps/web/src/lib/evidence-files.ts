import { isOneOf } from './one-of.ts';

/**
 * Evidence files (佐证材料) the server accepts (apps/server attachments/file-types.ts) and its default
 * size limit (ATTACHMENT_MAX_MB). Checking here saves uploading 30 MB to be told no; the server
 * checks again, including that the content matches the extension.
 */
export const EVIDENCE_EXTENSIONS = ['pdf', 'ofd', 'png', 'jpg', 'jpeg', 'docx', 'xlsx', 'doc', 'xls', 'zip', 'txt', 'csv'] as const;
export const EVIDENCE_MAX_MB = 20;

export type EvidenceProblem = { kind: 'type'; extension: string } | { kind: 'size'; megabytes: string } | { kind: 'empty' };

export function checkEvidenceFile(name: string, sizeBytes: number): EvidenceProblem | null {
  const extension = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  if (!isOneOf(EVIDENCE_EXTENSIONS, extension)) return { kind: 'type', extension };
  if (sizeBytes === 0) return { kind: 'empty' };
  if (sizeBytes > EVIDENCE_MAX_MB * 1024 * 1024) return { kind: 'size', megabytes: (sizeBytes / 1024 / 1024).toFixed(1) };
  return null;
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
