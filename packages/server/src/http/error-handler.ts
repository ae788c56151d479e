import { ErrorCode, LlmShieldError } from '@llm-shield/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError, ServerErrorCode, type ErrorBody } from './http-error.js';

/** Fastify's own error codes and the status and code they are answered with. */
const FASTIFY_ERRORS: Readonly<Record<string, [number, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, ServerErrorCode.BodyTooLarge],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, ServerErrorCode.UnsupportedMediaType],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, ServerErrorCode.BadRequest],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, ServerErrorCode.BadRequest],
  FST_ERR_CTP_EMPTY_TYPE: [415, ServerErrorCode.UnsupportedMediaType],
  FST_ERR_CTP_INVALID_TYPE: [415, ServerErrorCode.UnsupportedMediaType],
};

/** Status of each library error code raised inside a request. */
const LIBRARY_STATUS: Readonly<Record<string, number>> = {
  [ErrorCode.InvalidInput]: 400,
  [ErrorCode.InputTooLarge]: 413,
  [ErrorCode.Aborted]: 504,
  [ErrorCode.ModelUnavailable]: 503,
};

/** The status and JSON body an error is answered with. */
export function describeError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) return { status: error.statusCode, body: { message: error.message, details: error.details, code: error.code } };
  const fastifyError = error as FastifyError & { validation?: Array<{ instancePath: string; message?: string; keyword: string; params?: Record<string, unknown> }>; validationContext?: string };
  if (fastifyError?.validation) {
    const where = fastifyError.validationContext ?? 'body';
    const details = fastifyError.validation.map((issue) => {
      const missing = issue.keyword === 'required' ? String(issue.params?.['missingProperty'] ?? '') : '';
      const loc = [where, ...issue.instancePath.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), ...(missing ? [missing] : [])];
      return { loc, msg: issue.message ?? 'invalid', type: issue.keyword };
    });
    return { status: 422, body: { message: 'Validation failed', details, code: ServerErrorCode.ValidationFailed } };
  }
  if (LlmShieldError.isInstance(error)) {
    const status = LIBRARY_STATUS[error.code] ?? 500;
    return { status, body: { message: error.message, details: error.details, code: error.code } };
  }
  const mapped = fastifyError?.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (mapped) return { status: mapped[0], body: { message: fastifyError.message, details: null, code: mapped[1] } };
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = status === 429 ? ServerErrorCode.RateLimited : status === 408 ? ServerErrorCode.RequestTimeout : ServerErrorCode.BadRequest;
    return { status, body: { message: fastifyError.message, details: null, code } };
  }
  return { status: 500, body: { message: 'Internal server error.', details: null, code: ServerErrorCode.Internal } };
}

/**
 * Answers every error with llm-guard-api's `{ message, details }` body plus a stable `code`: 422 for a body that
 * fails the schema (details list `loc`, `msg`, `type` as FastAPI does), 400 for bad JSON or bytes, 413 for a body
 * over the limit, library errors by their `LLMS_*` code (a scanner that throws: 500 `LLMS_SCANNER_FAILED`), and 404
 * for an unknown route. 5xx answers are logged with the error (never the request body).
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = describeError(error);
    if (status >= 500) request.log.error({ err: error, code: body.code }, 'request failed');
    else request.log.info({ code: body.code, status }, 'request refused');
    reply.status(status).type('application/json').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ message: `No route ${request.method} ${request.url.split('?')[0]}.`, details: null, code: ServerErrorCode.NotFound } satisfies ErrorBody);
  });
}
