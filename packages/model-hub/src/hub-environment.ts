import { InvalidConfigError } from '@llm-shield/core';
import { resolveHubCacheDir, type CacheEnvironment } from './cache-layout.js';

/** The public Hugging Face Hub, used when `HF_ENDPOINT` is not set. */
export const DEFAULT_HUB_URL = 'https://huggingface.co';

/** Python `huggingface_hub`'s default `HF_HUB_ETAG_TIMEOUT`: 10 s for a metadata request's answer or a pause in its body. */
export const DEFAULT_ETAG_TIMEOUT_MS = 10_000;

/** Python `huggingface_hub`'s default `HF_HUB_DOWNLOAD_TIMEOUT`: 10 s for a download's answer or a pause in its body. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 10_000;

/** Environment variables read by {@link resolveHubSettings}, the same names as Python's `huggingface_hub`. */
export interface HubEnvironment extends CacheEnvironment {
  /** Hub URL, e.g. a mirror (default {@link DEFAULT_HUB_URL}). */
  HF_ENDPOINT?: string;
  /** Access token for gated and private repos. */
  HF_TOKEN?: string;
  /** Older name of `HF_TOKEN`. */
  HUGGING_FACE_HUB_TOKEN?: string;
  /** `1`, `true`, `yes` or `on` (any case): never touch the network, use the cache only. */
  HF_HUB_OFFLINE?: string;
  /** Seconds a metadata request (commit, file sizes) may wait for an answer or a pause in its body (default 10). */
  HF_HUB_ETAG_TIMEOUT?: string;
  /** Seconds a file download may wait for an answer or a pause in its body before it resumes (default 10). */
  HF_HUB_DOWNLOAD_TIMEOUT?: string;
}

/** Where and how to reach the Hub and its cache. */
export interface HubSettings {
  /** Hub base URL without a trailing slash. */
  hubUrl: string;
  /** Access token, when one is configured. */
  token?: string;
  /** True when the network must not be used. */
  offline: boolean;
  /** The hub cache folder (see {@link resolveHubCacheDir}). */
  cacheDir: string;
  /** Connect/answer and body-idle timeout of metadata requests, ms (`HF_HUB_ETAG_TIMEOUT`, default 10 000). */
  etagTimeoutMs: number;
  /** Connect/answer and body-idle timeout of file downloads, ms (`HF_HUB_DOWNLOAD_TIMEOUT`, default 10 000). */
  downloadTimeoutMs: number;
}

/** True for the values Python's `huggingface_hub` reads as true in boolean variables: `1`, `true`, `yes`, `on`. */
export function isTruthyEnvValue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

/**
 * Hub settings from environment variables: `HF_ENDPOINT` (default {@link DEFAULT_HUB_URL}), `HF_TOKEN` (or
 * `HUGGING_FACE_HUB_TOKEN`), `HF_HUB_OFFLINE` (default false), `HF_HUB_ETAG_TIMEOUT` and `HF_HUB_DOWNLOAD_TIMEOUT`
 * (seconds, default 10 each, as in Python) and the cache folder of {@link resolveHubCacheDir}
 * (`LLM_SHIELD_HUB_CACHE`, `HF_HUB_CACHE`, `HF_HOME`…). Browser-safe: pass the environment and home folder in.
 * Raises `InvalidConfigError` for a timeout that is not a positive number of seconds.
 *
 * @param env - the environment (e.g. `process.env`)
 * @param homeDir - the user's home folder (e.g. `os.homedir()`)
 */
export function resolveHubSettings(env: HubEnvironment, homeDir: string): HubSettings {
  const set = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value.trim() : undefined);
  const token = set(env.HF_TOKEN) ?? set(env.HUGGING_FACE_HUB_TOKEN);
  return {
    hubUrl: normalizeHubUrl(set(env.HF_ENDPOINT) ?? DEFAULT_HUB_URL),
    ...(token === undefined ? {} : { token }),
    offline: isTruthyEnvValue(env.HF_HUB_OFFLINE),
    cacheDir: resolveHubCacheDir(env, homeDir),
    etagTimeoutMs: timeoutFromEnv('HF_HUB_ETAG_TIMEOUT', set(env.HF_HUB_ETAG_TIMEOUT), DEFAULT_ETAG_TIMEOUT_MS),
    downloadTimeoutMs: timeoutFromEnv('HF_HUB_DOWNLOAD_TIMEOUT', set(env.HF_HUB_DOWNLOAD_TIMEOUT), DEFAULT_DOWNLOAD_TIMEOUT_MS),
  };
}

/**
 * Milliseconds from a number of seconds given as text (`"10"`, `"0.5"`); `fallback` when `value` is undefined.
 * Raises `InvalidConfigError` naming `name` unless it is a finite number > 0.
 *
 * @param name - the variable or option, for the message
 * @param value - the text given
 * @param fallback - milliseconds when nothing is given
 */
export function timeoutFromEnv(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidConfigError(`${name} must be a positive number of seconds (got ${JSON.stringify(value)}).`, { details: { option: name, value } });
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/** Removes trailing slashes from a hub URL (`https://hf-mirror.com/` → `https://hf-mirror.com`). */
export function normalizeHubUrl(hubUrl: string): string {
  return hubUrl.replace(/\/+$/, '');
}
