import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { textProblem } from './text-guard.ts';

/**
 * Reads the single uploaded file of a multipart request. Over the limit is a clear 413, not a
 * truncated file; a body that is not well-formed multipart (no boundary, cut short, a part without a
 * name) is the sender's fault, a 400, whatever the parser's own error says.
 */
export async function readUpload(request: FastifyRequest, maxMegabytes: number): Promise<{ filename: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件', [{ path: 'file', message: '缺少文件' }]);
  let filename: string | undefined;
  try {
    const file = await request.file();
    if (!file) throw new AppError('VALIDATION_FAILED', '没有收到文件', [{ path: 'file', message: '缺少文件' }]);
    const problem = textProblem(file.filename);
    if (problem) throw new AppError('VALIDATION_FAILED', `文件名${problem}`, [{ path: 'file.filename', message: problem }]);
    filename = file.filename;
    const bytes = await file.toBuffer();
    return { filename: file.filename, bytes: new Uint8Array(bytes) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isTooLarge(error)) {
      throw new AppError('PAYLOAD_TOO_LARGE', `${filename === undefined ? '文件' : `文件“${filename}”`}超过 ${maxMegabytes} MB 的上限`, [
        { path: 'file', message: `文件不能超过 ${maxMegabytes} MB` },
      ]);
    }
    throw new AppError('VALIDATION_FAILED', '上传的内容不是有效的 multipart/form-data，请重新选择文件上传', [
      { path: 'file', message: `无法读取上传内容：${(error as Error).message}` },
    ]);
  }
}

function isTooLarge(error: unknown): boolean {
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  return code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413;
}
