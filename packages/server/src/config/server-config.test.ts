import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT, readServerSettings } from './server-config.js';

function pathOf(config: Record<string, unknown>): unknown {
  try {
    readServerSettings(config);
  } catch (error) {
    expect(InvalidConfigError.isInstance(error)).toBe(true);
    return (error as InvalidConfigError).details['path'];
  }
  throw new Error('expected an InvalidConfigError');
}

describe('readServerSettings', () => {
  it('has llm-guard-api\'s defaults when the sections are absent', () => {
    expect(readServerSettings(undefined)).toEqual({
      name: 'LLM Guard API',
      logLevel: 'info',
      failFast: false,
      promptTimeoutSeconds: 10,
      outputTimeoutSeconds: 30,
      lazyLoad: false,
      bodyLimit: DEFAULT_BODY_LIMIT,
      rateLimit: undefined,
      auth: { type: 'none' },
      prometheus: true,
      notes: [],
    });
  });
  it('reads llm-guard-api\'s shipped sections (after env defaults)', () => {
    const settings = readServerSettings({
      app: { name: 'LLM Guard API', log_level: 'INFO', log_json: true, scan_fail_fast: false, scan_prompt_timeout: 30, scan_output_timeout: 30, lazy_load: true },
      rate_limit: { enabled: true, limit: '100/minute' },
      auth: { type: 'http_bearer', token: 'abc' },
      tracing: { exporter: 'console', endpoint: null },
      metrics: { exporter: 'prometheus', endpoint: null },
    });
    expect(settings).toMatchObject({ promptTimeoutSeconds: 30, lazyLoad: true, rateLimit: { max: 100, windowMs: 60_000 }, auth: { type: 'http_bearer', token: 'abc' }, prometheus: true });
    expect(settings.notes.join(' ')).toMatch(/tracing\.exporter console is not supported/);
  });
  it('maps log levels and numbers-as-secrets', () => {
    expect(readServerSettings({ app: { log_level: 'WARNING' } }).logLevel).toBe('warn');
    expect(readServerSettings({ app: { log_level: 'critical' } }).logLevel).toBe('fatal');
    expect(readServerSettings({ auth: { type: 'http_bearer', token: 12345 } }).auth).toEqual({ type: 'http_bearer', token: '12345' });
  });
  it('names the bad key', () => {
    expect(pathOf({ app: { scan_prompt_timeout: 'soon' } })).toBe('app.scan_prompt_timeout');
    expect(pathOf({ app: { scan_prompt_timeout: 0 } })).toBe('app.scan_prompt_timeout');
    expect(pathOf({ app: { lazyload: true } })).toBe('app');
    expect(pathOf({ app: { log_level: 'LOUD' } })).toBe('app.log_level');
    expect(pathOf({ rate_limit: { enabled: 'yes' } })).toBe('rate_limit.enabled');
    expect(pathOf({ rate_limit: { enabled: true, limit: 'lots' } })).toBe('rate_limit.limit');
    expect(pathOf({ auth: { type: 'api_key', token: 'x' } })).toBe('auth.type');
    expect(pathOf({ auth: { type: 'http_bearer', token: 'x', user: 'y' } })).toBe('auth');
    expect(pathOf({ tracing: { exporter: 'jaeger' } })).toBe('tracing.exporter');
    expect(pathOf({ metrics: { exporter: 'statsd' } })).toBe('metrics.exporter');
    expect(pathOf({ app: { body_limit: 10 } })).toBe('app.body_limit');
  });
  it('refuses an auth section with an empty secret instead of locking every client out or silently serving without auth', () => {
    expect(pathOf({ auth: { type: 'http_bearer', token: null } })).toBe('auth.token');
    expect(pathOf({ auth: { type: 'http_bearer', token: '' } })).toBe('auth.token');
    expect(pathOf({ auth: { type: 'http_basic', username: 'u' } })).toBe('auth.password');
    expect(pathOf({ auth: { type: 'http_basic', username: 'a:b', password: 'p' } })).toBe('auth.username');
    expect(readServerSettings({ auth: null }).auth).toEqual({ type: 'none' });
  });
  it('serves /metrics only for the prometheus exporter', () => {
    expect(readServerSettings({ metrics: { exporter: 'otel_http' } }).prometheus).toBe(false);
    expect(readServerSettings({ metrics: { exporter: 'otel_http' } }).notes.join(' ')).toContain('otel_http is not supported');
  });
});
