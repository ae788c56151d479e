import { InvalidConfigError } from '@llm-shield/core';
import { formatKeyPath, type ShieldConfig } from '@llm-shield/shield';
import { z } from 'zod';
import { parseRateLimit, type RateLimitSpec } from './rate-limit-spec.js';

/** Log levels of llm-guard-api's `app.log_level` (any case), mapped to pino's. */
const LOG_LEVELS: Readonly<Record<string, ServerLogLevel>> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  critical: 'fatal',
  fatal: 'fatal',
};

/** pino log level of the server. */
export type ServerLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

const positiveSeconds = z.number().positive('must be a number of seconds above 0').max(86_400, 'must be at most 86400 seconds');

/** llm-guard-api's `app` section. */
const appSchema = z
  .object({
    name: z.string().min(1).nullish(),
    log_level: z
      .string()
      .refine((value) => LOG_LEVELS[value.toLowerCase()] !== undefined, { message: `must be one of ${Object.keys(LOG_LEVELS).join(', ')} (any case)` })
      .nullish(),
    log_json: z.boolean().nullish(),
    scan_fail_fast: z.boolean().nullish(),
    scan_prompt_timeout: positiveSeconds.nullish(),
    scan_output_timeout: positiveSeconds.nullish(),
    lazy_load: z.boolean().nullish(),
    /** llm-shield's addition: request body limit in bytes. */
    body_limit: z.number().int().min(1024).max(1 << 30).nullish(),
  })
  .strict();

const rateLimitSchema = z
  .object({
    enabled: z.boolean().nullish(),
    limit: z.string().nullish(),
    /** llm-shield's addition: `redis://host:port/db` to share counters between replicas. */
    redis_url: z.string().nullish(),
  })
  .strict();

const authSchema = z
  .object({
    type: z.enum(['http_bearer', 'http_basic']),
    token: z.union([z.string(), z.number()]).nullish(),
    username: z.union([z.string(), z.number()]).nullish(),
    password: z.union([z.string(), z.number()]).nullish(),
  })
  .strict();

const tracingSchema = z
  .object({
    exporter: z.enum(['otel_http', 'console']).nullish(),
    endpoint: z.string().nullish(),
  })
  .strict();

const metricsSchema = z
  .object({
    exporter: z.enum(['otel_http', 'prometheus', 'console']).nullish(),
    endpoint: z.string().nullish(),
  })
  .strict();

/** Authentication of the scan routes. */
export type ServerAuth = { type: 'none' } | { type: 'http_bearer'; token: string } | { type: 'http_basic'; username: string; password: string };

/** The server's settings, read from a configuration file's `app`, `rate_limit`, `auth`, `tracing` and `metrics`. */
export interface ServerSettings {
  /** `app.name` (default `LLM Guard API`, as llm-guard-api). */
  name: string;
  /** `app.log_level` mapped to pino (default `info`). */
  logLevel: ServerLogLevel;
  /** `app.scan_fail_fast` (default `false`): stop at the first invalid scanner. */
  failFast: boolean;
  /** `app.scan_prompt_timeout` in seconds (default 10, as llm-guard-api's code). */
  promptTimeoutSeconds: number;
  /** `app.scan_output_timeout` in seconds (default 30). */
  outputTimeoutSeconds: number;
  /** `app.lazy_load` (default `false`: every model scanner is warmed before the server reports ready). */
  lazyLoad: boolean;
  /** `app.body_limit` in bytes (default 1 MiB). */
  bodyLimit: number;
  /** `rate_limit`: undefined when disabled (the default). */
  rateLimit: (RateLimitSpec & { redisUrl?: string }) | undefined;
  /** `auth`: `none` when the section is absent. */
  auth: ServerAuth;
  /** `metrics.exporter` is `prometheus` or absent: `GET /metrics` is served (default true). */
  prometheus: boolean;
  /** Notes about accepted settings llm-shield does not act on (tracing exporters, `log_json: false`). */
  notes: string[];
}

/** Default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1 << 20;

function section<T extends z.ZodType>(schema: T, value: unknown, key: string): z.infer<T> | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = formatKeyPath([key, ...issue.path]);
  const message = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message;
  throw new InvalidConfigError(`${path}: ${message}.`, { details: { path } });
}

function text(value: string | number | null | undefined): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Validates the server sections of a configuration (llm-guard-api's `app`, `rate_limit`, `auth`, `tracing`,
 * `metrics`) strictly, and returns the server's settings. Raises `InvalidConfigError` whose message and
 * `details.path` name the bad key (e.g. `app.scan_prompt_timeout`).
 *
 * Authentication is off only when the file has no `auth` section (or `auth: null`). An `auth` section whose
 * secret is empty (llm-guard-api's shipped `token: ${AUTH_TOKEN:}` with `AUTH_TOKEN` unset) is refused at start,
 * naming `auth.token` (llm-guard-api would start and answer every scan with 401).
 *
 * @param config - the parsed configuration (see `parseShieldConfigText`)
 */
export function readServerSettings(config: ShieldConfig | undefined): ServerSettings {
  const app = section(appSchema, config?.app, 'app') ?? {};
  const rate = section(rateLimitSchema, config?.rate_limit, 'rate_limit') ?? {};
  const auth = section(authSchema, config?.auth, 'auth');
  const tracing = section(tracingSchema, config?.tracing, 'tracing');
  const metrics = section(metricsSchema, config?.metrics, 'metrics');
  const notes: string[] = [];
  if (app.log_json === false) notes.push('app.log_json: false is accepted; llm-shield always writes JSON log lines (pipe them to pino-pretty to read them).');
  if (tracing) notes.push(`tracing.exporter ${tracing.exporter ?? 'console'} is not supported by llm-shield yet; no traces are exported.`);
  if (metrics?.exporter === 'otel_http' || metrics?.exporter === 'console') {
    notes.push(`metrics.exporter ${metrics.exporter} is not supported by llm-shield; GET /metrics serves Prometheus text instead.`);
  }
  let serverAuth: ServerAuth = { type: 'none' };
  if (auth?.type === 'http_bearer') {
    const token = text(auth.token);
    if (token === '') {
      throw new InvalidConfigError('auth.token: the bearer token is empty (set AUTH_TOKEN, or remove the auth section to serve without authentication).', {
        details: { path: 'auth.token' },
      });
    }
    serverAuth = { type: 'http_bearer', token };
  } else if (auth?.type === 'http_basic') {
    const username = text(auth.username);
    const password = text(auth.password);
    if (username === '' || password === '') {
      const path = username === '' ? 'auth.username' : 'auth.password';
      throw new InvalidConfigError(`${path}: http_basic needs a username and a password (or remove the auth section to serve without authentication).`, {
        details: { path },
      });
    }
    if (username.includes(':')) throw new InvalidConfigError('auth.username: a Basic username cannot contain ":".', { details: { path: 'auth.username' } });
    serverAuth = { type: 'http_basic', username, password };
  }
  let rateLimit: ServerSettings['rateLimit'];
  if (rate.enabled === true) {
    rateLimit = { ...parseRateLimit(rate.limit ?? '100/minute', 'rate_limit.limit'), ...(rate.redis_url ? { redisUrl: rate.redis_url } : {}) };
  } else if (rate.limit !== undefined && rate.limit !== null) {
    parseRateLimit(rate.limit, 'rate_limit.limit');
  }
  return {
    name: app.name ?? 'LLM Guard API',
    logLevel: LOG_LEVELS[(app.log_level ?? 'info').toLowerCase()]!,
    failFast: app.scan_fail_fast ?? false,
    promptTimeoutSeconds: app.scan_prompt_timeout ?? 10,
    outputTimeoutSeconds: app.scan_output_timeout ?? 30,
    lazyLoad: app.lazy_load ?? false,
    bodyLimit: app.body_limit ?? DEFAULT_BODY_LIMIT,
    rateLimit,
    auth: serverAuth,
    prometheus: metrics?.exporter === undefined || metrics.exporter === null || metrics.exporter === 'prometheus',
    notes,
  };
}
