import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldDetail } from '../errors.ts';

/**
 * One place turns every failure into `{ code, message, details, requestId }`:
 * AppError → its status; request validation → 400 with each field's path and a Chinese message;
 * anything else → 500, logged once with the request id, with no internals in the answer.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = request.id;
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply.status(error.status).send({ code: error.code, message: error.message, details: error.details, requestId });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: FieldDetail[] = error.validation.map((issue) => ({
        path: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.').replace(/\.(\d+)(?=\.|$)/g, '[$1]')}`,
        message: issue.message ?? '格式不正确',
      }));
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: `提交的内容有误：${details.map((detail) => `${detail.path} ${detail.message}`).join('；')}`,
        details,
        requestId,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请联系管理员并提供请求编号', details: null, requestId });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: '请求内容不是有效的 JSON',
        details: [{ path: 'body', message: error.message }],
        requestId,
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型', details: null, requestId });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '文件或请求内容过大', details: null, requestId });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'VALIDATION_FAILED', message: error.message, details: null, requestId });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请联系管理员并提供请求编号', details: null, requestId });
  });
}
