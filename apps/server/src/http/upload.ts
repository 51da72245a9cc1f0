import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** Reads the single uploaded file of a multipart request; over the limit is a clear 413, not a truncated file. */
export async function readUpload(request: FastifyRequest, maxMegabytes: number): Promise<{ filename: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件', [{ path: 'file', message: '缺少文件' }]);
  const file = await request.file();
  if (!file) throw new AppError('VALIDATION_FAILED', '没有收到文件', [{ path: 'file', message: '缺少文件' }]);
  let bytes: Buffer;
  try {
    bytes = await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `文件“${file.filename}”超过 ${maxMegabytes} MB 的上限`, [
        { path: 'file', message: `文件不能超过 ${maxMegabytes} MB` },
      ]);
    }
    throw error;
  }
  return { filename: file.filename, bytes: new Uint8Array(bytes) };
}
