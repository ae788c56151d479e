import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import { InvalidConfigError } from '@llm-shield/core';
import { createShield, loadShieldConfigFile, type NodeShieldOptions, type Shield, type ShieldConfig } from '@llm-shield/node';
import { validateShieldConfig } from '@llm-shield/shield/config';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { pino, type DestinationStream, type Logger } from 'pino';
import { readServerSettings, type ServerLogLevel, type ServerSettings } from './config/server-config.js';
import { installErrorHandlers } from './http/error-handler.js';
import { HttpError, ServerErrorCode } from './http/http-error.js';
import { installJsonBodyParser } from './http/json-body-parser.js';
import { ServerMetrics } from './metrics/server-metrics.js';
import { registerScanRoutes } from './routes/scan-routes.js';
import { registerServiceRoutes } from './routes/service-routes.js';
import type { ServerContext } from './server-context.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** The configuration (llm-guard-api's `scanners.yml` shape), already parsed; wins over `configFile`. */
  config?: ShieldConfig | Record<string, unknown>;
  /** A configuration file (YAML or JSON) read with `${ENV:default}` substitution from `env`. */
  configFile?: string;
  /** Environment for substitution and the model cache (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Refuse scanners llm-shield does not have (default `false`: they are skipped, and named in a startup warning,
   * so llm-guard-api's shipped `scanners.yml` loads).
   */
  strict?: boolean;
  /** A shield built by the caller (e.g. with custom scanners); the server does not close it. Default: built from the configuration. */
  shield?: Shield;
  /** More options of `createShield` (models, detection mode, download…), when the server builds the shield. */
  shieldOptions?: Omit<NodeShieldOptions, 'config' | 'configFile' | 'env' | 'unknownScanners'>;
  /** Where log lines go (default standard output). */
  logStream?: DestinationStream;
  /** Log level over `app.log_level`. */
  logLevel?: ServerLogLevel;
  /** Request body limit in bytes over `app.body_limit` (default 1 MiB). */
  bodyLimit?: number;
  /** Longest time for a whole request to arrive, in ms (default 30 000; slow bodies get 408). */
  requestTimeoutMs?: number;
  /** Longest idle time of a socket, in ms (default 60 000; a stalled client is disconnected). */
  connectionTimeoutMs?: number;
  /** How often Node checks `requestTimeoutMs`, in ms (default 1 000). */
  timeoutCheckIntervalMs?: number;
  /** Trust `X-Forwarded-For` for client addresses (rate limits) when behind a proxy (default `false`). */
  trustProxy?: boolean | string | string[] | number;
  /** Collect Node's default process metrics (default `true`). */
  processMetrics?: boolean;
}

/** A running or ready-to-run llm-shield server. */
export interface LlmShieldServer {
  /** The Fastify instance (for `inject` in tests, or more routes). */
  readonly app: FastifyInstance;
  /** The shield the server scans with. */
  readonly shield: Shield;
  /** The settings read from the configuration. */
  readonly settings: ServerSettings;
  /** The logger. */
  readonly log: Logger;
  /** Settles when eager models are warm (`lazy_load: false`) or at once (`lazy_load: true`); never rejects. */
  readonly warm: Promise<void>;
  /** Starts listening (default host 127.0.0.1, port 8000 as llm-guard-api); returns the URL. */
  listen(options?: { port?: number; host?: string }): Promise<string>;
  /** The bound address, once listening. */
  address(): AddressInfo | undefined;
  /**
   * Graceful close: stops accepting connections, lets in-flight scans finish and answer, then closes the
   * Redis connection and the shield (unless it was given by the caller).
   */
  close(): Promise<void>;
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * Builds an llm-guard-api-compatible HTTP server (Fastify) for one configuration: validates it strictly (every
 * server section and scanner, errors naming the key path), builds the shield once (models resolved by the shared
 * policy), warms the model scanners unless `app.lazy_load` is true, and registers the routes. Call
 * {@link LlmShieldServer.listen} to serve.
 *
 * ```ts
 * const server = await createServer({ configFile: 'scanners.yml' });
 * console.log(await server.listen({ port: 8000 }));
 * ```
 */
export async function createServer(options: ServerOptions = {}): Promise<LlmShieldServer> {
  const env = options.env ?? process.env;
  const rawConfig = options.config ?? (options.configFile === undefined ? undefined : await loadShieldConfigFile(options.configFile, env));
  const config = rawConfig === undefined ? undefined : validateShieldConfig(rawConfig);
  const settings = readServerSettings(config);
  if (options.bodyLimit !== undefined) {
    if (!Number.isInteger(options.bodyLimit) || options.bodyLimit < 1024) throw new InvalidConfigError('bodyLimit must be an integer of at least 1024 bytes.', { details: { field: 'bodyLimit', value: options.bodyLimit } });
    settings.bodyLimit = options.bodyLimit;
  }
  const log = pino(
    {
      name: settings.name,
      level: options.logLevel ?? settings.logLevel,
      // Credentials never reach the logs, whatever the level.
      redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
    },
    options.logStream ?? pino.destination({ dest: 1, sync: false }),
  );
  for (const note of settings.notes) log.warn({ note }, 'configuration note');
  const ownsShield = options.shield === undefined;
  const shield =
    options.shield ??
    (await createShield({ ...(options.shieldOptions ?? {}), ...(config ? { config } : {}), env, unknownScanners: options.strict ? 'error' : 'skip' }));
  if (shield.skipped.length > 0) {
    log.warn(
      { skipped: shield.skipped.map((item) => `${item.path} ${item.type}`) },
      `llm-shield has no ${[...new Set(shield.skipped.map((item) => item.type))].join(', ')}: skipped (serve --strict refuses them)`,
    );
  }
  for (const note of shield.notes) log.info({ note }, 'scanner note');
  for (const warning of shield.warnings) log.warn({ warning }, 'model policy');

  const metrics = new ServerMetrics(options.processMetrics ?? true);
  const context: ServerContext = { shield, settings, metrics, readiness: { state: 'loading' }, inFlight: new Set(), version: packageVersion() };
  const app = Fastify({
    loggerInstance: log,
    // One line per request from the onResponse hook below (route, status, time), never the body.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: settings.bodyLimit,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    connectionTimeout: options.connectionTimeoutMs ?? 60_000,
    http: { connectionsCheckingInterval: options.timeoutCheckIntervalMs ?? 1_000 },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;
  installJsonBodyParser(app);
  installErrorHandlers(app);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    if (log.isLevelEnabled('info')) request.log.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 1000) / 1000 }, 'request');
  });

  let redis: Redis | undefined;
  if (settings.rateLimit) {
    if (settings.rateLimit.redisUrl) {
      redis = new Redis(settings.rateLimit.redisUrl, { connectTimeout: 2_000, maxRetriesPerRequest: 1, lazyConnect: false, enableOfflineQueue: true });
      redis.on('error', (error: Error) => log.warn({ err: error }, 'redis'));
    }
    await app.register(rateLimit, {
      global: true,
      max: settings.rateLimit.max,
      timeWindow: settings.rateLimit.windowMs,
      ...(redis ? { redis, nameSpace: 'llm-shield-rate-limit:' } : {}),
      errorResponseBuilder: (_request, info) =>
        new HttpError(info.statusCode, ServerErrorCode.RateLimited, `Rate limit exceeded: ${info.max} per ${info.after}.`, { limit: info.max, retry_after: info.after }),
    });
  }
  registerServiceRoutes(app, context);
  await app.register(async (scoped) => registerScanRoutes(scoped, context));
  await app.ready();

  metrics.ready.set(0);
  const warm = (async () => {
    if (!settings.lazyLoad && shield.models.length > 0) {
      const started = performance.now();
      try {
        if (shield.inputScanners.length > 0) await shield.scanPrompt('Hello, how are you?');
        if (shield.outputScanners.length > 0) await shield.scanOutput('Hello, how are you?', 'I am fine, thank you.');
        log.info({ models: shield.models.map((model) => `${model.scanner}:${model.id} (${model.origin})`), ms: Math.round(performance.now() - started) }, 'models warm');
      } catch (error) {
        context.readiness = { state: 'failed', error: `Warming the models failed: ${error instanceof Error ? error.message : String(error)}` };
        log.error({ err: error }, 'model warm-up failed');
        return;
      }
    }
    context.readiness = { state: 'ready' };
    metrics.ready.set(1);
  })();

  let closing: Promise<void> | undefined;
  return {
    app,
    shield,
    settings,
    log,
    warm,
    async listen(listenOptions = {}) {
      const url = await app.listen({ port: listenOptions.port ?? 8000, host: listenOptions.host ?? '127.0.0.1' });
      log.info({ url, input_scanners: shield.inputScanners.map((s) => s.name), output_scanners: shield.outputScanners.map((s) => s.name) }, 'listening');
      return url;
    },
    address() {
      const address = app.server.address();
      return address !== null && typeof address === 'object' ? address : undefined;
    },
    close() {
      closing ??= (async () => {
        await app.close();
        await Promise.allSettled([...context.inFlight]);
        await warm;
        if (redis) await redis.quit().catch(() => redis!.disconnect());
        if (ownsShield) await shield.close();
        log.info('closed');
        log.flush?.();
      })();
      return closing;
    },
  };
}
