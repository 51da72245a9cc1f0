import JSZip from 'jszip';

/**
 * Rewrites the parts of an .xlsx package that exceljs 4.4.0 cannot follow into the form it can,
 * changing no cell. The package format (ECMA-376 Part 2, Open Packaging Conventions) lets a
 * relationship name its target by an absolute part name ("/xl/comments/comment1.xml") as well as
 * relative to the source part ("../comments1.xml"). Excel, WPS and LibreOffice write relative
 * targets, which is all exceljs looks up; python's openpyxl writes absolute ones, so exceljs finds
 * no comments part for a sheet with a comment and fails with "Cannot read properties of undefined
 * (reading 'comments')" — every workbook re-saved by openpyxl, including our blank template (it
 * carries comments on the header cells). Each absolute internal target is rewritten relative to
 * the folder of its source part; external targets (hyperlinks) are left alone.
 *
 * Returns the bytes unchanged when there is nothing to rewrite, so files from Excel, WPS and
 * LibreOffice are read exactly as before. A file that is not a zip is left for exceljs to refuse.
 */
export async function normaliseXlsxPackage(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes;
  }
  const names = new Set(Object.keys(zip.files));
  const renames = new Map<string, string>();
  let changed = false;
  for (const name of [...names].filter((entry) => entry.endsWith('.rels')).sort()) {
    const xml = await zip.files[name]?.async('string');
    if (xml === undefined) continue;
    const rewritten = rewriteTargets(xml, sourceFolder(name), (part, type) => exceljsPartName(part, type, names, renames));
    if (rewritten !== xml) {
      zip.file(name, rewritten);
      changed = true;
    }
  }
  for (const [from, to] of renames) {
    const entry = zip.files[from];
    if (!entry) continue;
    zip.file(to, await entry.async('uint8array'));
    zip.remove(from);
  }
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) : bytes;
}

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const VML_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';

/**
 * exceljs finds a sheet's comments only at xl/commentsN.xml and their shapes only at
 * xl/drawings/vmlDrawingN.vml (lib/xlsx/xlsx.js); openpyxl writes xl/comments/comment1.xml and
 * xl/drawings/commentsDrawing1.vml. Such parts get the next free name of exceljs's form.
 */
function exceljsPartName(part: string, type: string, names: Set<string>, renames: Map<string, string>): string {
  const form =
    type === COMMENTS_TYPE
      ? { pattern: /^xl\/comments\d+\.xml$/, name: (n: number) => `xl/comments${n}.xml` }
      : type === VML_TYPE
        ? { pattern: /^xl\/drawings\/vmlDrawing\d+\.vml$/, name: (n: number) => `xl/drawings/vmlDrawing${n}.vml` }
        : undefined;
  if (!form || form.pattern.test(part) || !names.has(part)) return part;
  const known = renames.get(part);
  if (known) return known;
  let n = 1;
  while (names.has(form.name(n))) n += 1;
  const renamed = form.name(n);
  names.add(renamed);
  renames.set(part, renamed);
  return renamed;
}

/** "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets"; "_rels/.rels" → "" (the package root). */
export function sourceFolder(relsName: string): string {
  const folder = relsName.replace(/(^|\/)_rels\/[^/]*$/, '');
  return folder === relsName ? '' : folder;
}

/**
 * Rewrites the target of every internal relationship whose part is named absolutely or is renamed
 * by `rename` (given the part's name from the package root and the relationship type) as a path
 * relative to `folder`. Other relationships keep their exact text.
 */
export function rewriteTargets(xml: string, folder: string, rename: (part: string, type: string) => string = (part) => part): string {
  return xml.replaceAll(/<Relationship\b[^>]*>/g, (element) => {
    if (/\bTargetMode\s*=\s*["']External["']/.test(element)) return element;
    const type = /\bType\s*=\s*["']([^"']*)["']/.exec(element)?.[1] ?? '';
    return element.replace(/\bTarget\s*=\s*(["'])([^"']*)\1/, (original, quote: string, target: string) => {
      const part = target.startsWith('/') ? target.slice(1) : resolve(folder, target);
      const renamed = rename(part, type);
      if (!target.startsWith('/') && renamed === part) return original;
      return `Target=${quote}${relativePath(folder, renamed)}${quote}`;
    });
  });
}

/** ("xl/worksheets", "../comments1.xml") → "xl/comments1.xml" */
function resolve(folder: string, target: string): string {
  const parts = folder ? folder.split('/') : [];
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** The path of `target` (from the package root) as seen from `folder`: ("xl/worksheets", "xl/comments/c1.xml") → "../comments/c1.xml". */
function relativePath(folder: string, target: string): string {
  const from = folder ? folder.split('/') : [];
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}
