import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkAuthorization } from '../auth/check-auth.js';
import { HttpError, ServerErrorCode } from '../http/http-error.js';
import { componentSchemas } from '../openapi/openapi-document.js';
import { formatScanResponse, type ScanResponseBody } from '../scan/format-response.js';
import { runScan } from '../scan/run-scan.js';
import type { ServerContext } from '../server-context.js';

interface PromptBody {
  prompt: string;
  scanners_suppress?: string[];
}
interface OutputBody extends PromptBody {
  output: string;
}
interface PromptBatchBody {
  prompts: string[];
  scanners_suppress?: string[];
}
interface OutputBatchBody {
  items: Array<{ prompt: string; output: string }>;
  scanners_suppress?: string[];
}
type ExplainQuery = { explain?: string };

const explainQuery = { type: 'object', properties: { explain: { type: 'string', enum: ['0', '1', 'true', 'false'] } } } as const;

function wantsExplain(request: FastifyRequest): boolean {
  const value = (request.query as ExplainQuery).explain;
  return value === '1' || value === 'true';
}

/** An AbortSignal that fires when the client closes the connection before the answer is sent. */
function clientGone(reply: FastifyReply): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) controller.abort();
  };
  reply.raw.once('close', onClose);
  return { signal: controller.signal, dispose: () => reply.raw.off('close', onClose) };
}

/**
 * Registers llm-guard-api's scan routes (`POST /analyze/prompt`, `/scan/prompt`, `/analyze/output`,
 * `/scan/output`) and llm-shield's batch routes (`…/batch`), behind the configured authentication. `analyze`
 * runs the scanners in order, each seeing the previous one's sanitized text, and returns the sanitized text;
 * `scan` runs them in parallel on the original text. `?explain=1` adds every scanner's full result.
 */
export function registerScanRoutes(app: FastifyInstance, context: ServerContext): void {
  const { shield, settings, metrics } = context;

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST') return;
    const failure = checkAuthorization(settings.auth, request.headers.authorization);
    if (failure) {
      reply.header('WWW-Authenticate', failure.challenge);
      throw new HttpError(failure.status, ServerErrorCode.Unauthorized, failure.message);
    }
  });

  async function scanOne(request: FastifyRequest, reply: FastifyReply, route: string, job: { kind: 'input' | 'output'; style: 'analyze' | 'scan'; prompt: string; output?: string; suppress: readonly string[] }, signal: AbortSignal): Promise<ScanResponseBody> {
    const timeoutMs = (job.kind === 'input' ? settings.promptTimeoutSeconds : settings.outputTimeoutSeconds) * 1000;
    if (request.log.level === 'debug' || request.log.level === 'trace') {
      request.log.debug({ prompt: job.prompt, ...(job.output === undefined ? {} : { output: job.output }), scanners_suppress: job.suppress }, 'scan request');
    }
    const stop = metrics.scanDuration.startTimer({ route });
    const result = await runScan(shield, { ...job, failFast: settings.failFast, timeoutMs, signal }).finally(() => stop());
    for (const run of result.runs) {
      if (run.status === 'completed') metrics.scannerResults.inc({ source: job.kind, scanner: run.scanner, valid: String(run.result.valid) });
    }
    const body = formatScanResponse(result, job.style === 'analyze' ? (job.kind === 'input' ? 'prompt' : 'output') : undefined, wantsExplain(request));
    request.log.debug({ is_valid: body.is_valid, scanners: body.scanners, duration_ms: result.durationMs }, 'scan result');
    void reply;
    return body;
  }

  async function tracked<T>(reply: FastifyReply, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const gone = clientGone(reply);
    const running = work(gone.signal);
    context.inFlight.add(running);
    metrics.inFlight.inc();
    try {
      return await running;
    } finally {
      context.inFlight.delete(running);
      metrics.inFlight.dec();
      gone.dispose();
    }
  }

  for (const style of ['analyze', 'scan'] as const) {
    const promptRoute = `/${style}/prompt`;
    app.post<{ Body: PromptBody; Querystring: ExplainQuery }>(
      promptRoute,
      { schema: { body: style === 'analyze' ? componentSchemas.AnalyzePromptRequest : componentSchemas.ScanPromptRequest, querystring: explainQuery } },
      (request, reply) =>
        tracked(reply, (signal) => scanOne(request, reply, promptRoute, { kind: 'input', style, prompt: request.body.prompt, suppress: request.body.scanners_suppress ?? [] }, signal)),
    );
    const outputRoute = `/${style}/output`;
    app.post<{ Body: OutputBody; Querystring: ExplainQuery }>(
      outputRoute,
      { schema: { body: style === 'analyze' ? componentSchemas.AnalyzeOutputRequest : componentSchemas.ScanOutputRequest, querystring: explainQuery } },
      (request, reply) =>
        tracked(reply, (signal) =>
          scanOne(request, reply, outputRoute, { kind: 'output', style, prompt: request.body.prompt, output: request.body.output, suppress: request.body.scanners_suppress ?? [] }, signal),
        ),
    );
    const promptBatch = `${promptRoute}/batch`;
    app.post<{ Body: PromptBatchBody; Querystring: ExplainQuery }>(promptBatch, { schema: { body: componentSchemas.PromptBatchRequest, querystring: explainQuery } }, (request, reply) =>
      tracked(reply, async (signal) => {
        const results: ScanResponseBody[] = [];
        for (const prompt of request.body.prompts) {
          results.push(await scanOne(request, reply, promptBatch, { kind: 'input', style, prompt, suppress: request.body.scanners_suppress ?? [] }, signal));
        }
        return { results };
      }),
    );
    const outputBatch = `${outputRoute}/batch`;
    app.post<{ Body: OutputBatchBody; Querystring: ExplainQuery }>(outputBatch, { schema: { body: componentSchemas.OutputBatchRequest, querystring: explainQuery } }, (request, reply) =>
      tracked(reply, async (signal) => {
        const results: ScanResponseBody[] = [];
        for (const item of request.body.items) {
          results.push(await scanOne(request, reply, outputBatch, { kind: 'output', style, prompt: item.prompt, output: item.output, suppress: request.body.scanners_suppress ?? [] }, signal));
        }
        return { results };
      }),
    );
  }
}
