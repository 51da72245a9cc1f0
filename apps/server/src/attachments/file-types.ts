/**
 * Evidence files (佐证材料) a preparer may attach. The extension decides the type, and the first
 * bytes must agree with it, so a renamed executable is refused rather than served back to a reviewer.
 */
interface FileType {
  readonly contentType: string;
  /** Leading bytes the content must start with; undefined for plain text formats. */
  readonly magic?: readonly number[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export const ALLOWED_TYPES: Readonly<Record<string, FileType>> = {
  pdf: { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  ofd: { contentType: 'application/ofd', magic: ZIP },
  png: { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  doc: { contentType: 'application/msword', magic: OLE },
  xls: { contentType: 'application/vnd.ms-excel', magic: OLE },
  zip: { contentType: 'application/zip', magic: ZIP },
  txt: { contentType: 'text/plain; charset=utf-8' },
  csv: { contentType: 'text/csv; charset=utf-8' },
};

export type FileCheck = { ok: true; contentType: string } | { ok: false; message: string };

export function checkFile(filename: string, bytes: Uint8Array): FileCheck {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  const type = ALLOWED_TYPES[extension];
  if (!type || !filename.includes('.')) {
    return { ok: false, message: `不支持的文件类型“${filename}”；可上传 ${Object.keys(ALLOWED_TYPES).join('、')}` };
  }
  if (bytes.byteLength === 0) return { ok: false, message: `文件“${filename}”是空的` };
  if (type.magic && !type.magic.every((byte, index) => bytes[index] === byte)) {
    return { ok: false, message: `文件“${filename}”的内容与扩展名 .${extension} 不符` };
  }
  return { ok: true, contentType: type.contentType };
}
