import type { FastifyInstance } from 'fastify';
import { HttpError, ServerErrorCode } from './http-error.js';

/**
 * Replaces Fastify's JSON body parser with one that refuses bytes that are not UTF-8 (Fastify's own decodes them
 * to U+FFFD silently, so a scan would see a different text than the client sent), then parses with Fastify's
 * prototype-poisoning-safe parser. Bad bytes and bad JSON give 400 `LLMS_BAD_REQUEST`.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decoder.decode(body as Buffer);
    } catch {
      done(new HttpError(400, ServerErrorCode.BadRequest, 'The request body is not valid UTF-8.'), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) done(new HttpError(400, ServerErrorCode.BadRequest, `The request body is not valid JSON: ${error.message}`), undefined);
      else done(null, value);
    });
  });
}
