/**
 * Content-Disposition for a Chinese file name: ASCII fallback plus RFC 5987 filename*.
 * It lives in http/ because every download route (attachments, reports, workbooks, templates) needs it, not one feature.
 */
export function contentDisposition(filename: string, inline = false): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
