import type { FastifyInstance } from 'fastify';
import { ServerErrorCode } from '../http/http-error.js';
import { buildOpenApiDocument } from '../openapi/openapi-document.js';
import type { ServerContext } from '../server-context.js';

/** Routes that never need credentials and are not rate limited: `/`, `/healthz`, `/readyz`, `/metrics`, `/openapi.json`. */
export function registerServiceRoutes(app: FastifyInstance, context: ServerContext): void {
  const open = { config: { rateLimit: false } };
  const document = buildOpenApiDocument(context.settings.name, context.version, context.settings.auth.type !== 'none');
  app.get('/', open, async () => ({ name: context.settings.name }));
  app.get('/healthz', open, async () => ({ status: 'alive', pid: process.pid }));
  app.get('/readyz', open, async (_request, reply) => {
    const { shield } = context;
    const body = {
      status: context.readiness.state,
      lazy_load: context.settings.lazyLoad,
      input_scanners: shield.inputScanners.map((scanner) => scanner.name),
      output_scanners: shield.outputScanners.map((scanner) => scanner.name),
      models: shield.models.map((model) => ({ scanner: model.scanner, kind: model.kind, id: model.id, origin: model.origin, ...(model.variant ? { variant: model.variant } : {}) })),
      skipped: shield.skipped.map((skipped) => ({ kind: skipped.kind, type: skipped.type, reason: skipped.reason })),
    };
    if (context.readiness.state === 'ready') return body;
    reply.status(503);
    return { ...body, message: context.readiness.error ?? 'The models are warming up.', details: null, code: ServerErrorCode.NotReady };
  });
  if (context.settings.prometheus) {
    app.get('/metrics', open, async (_request, reply) => {
      reply.type(context.metrics.registry.contentType);
      return context.metrics.registry.metrics();
    });
  }
  app.get('/openapi.json', open, async () => document);
}
