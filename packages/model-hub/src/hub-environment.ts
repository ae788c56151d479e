import { resolveHubCacheDir, type CacheEnvironment } from './cache-layout.js';

/** The public Hugging Face Hub, used when `HF_ENDPOINT` is not set. */
export const DEFAULT_HUB_URL = 'https://huggingface.co';

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
}

/** True for the values Python's `huggingface_hub` reads as true in boolean variables: `1`, `true`, `yes`, `on`. */
export function isTruthyEnvValue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

/**
 * Hub settings from environment variables: `HF_ENDPOINT` (default {@link DEFAULT_HUB_URL}), `HF_TOKEN` (or
 * `HUGGING_FACE_HUB_TOKEN`), `HF_HUB_OFFLINE` (default false) and the cache folder of {@link resolveHubCacheDir}
 * (`LLM_SHIELD_HUB_CACHE`, `HF_HUB_CACHE`, `HF_HOME`…). Browser-safe: pass the environment and home folder in.
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
  };
}

/** Removes trailing slashes from a hub URL (`https://hf-mirror.com/` → `https://hf-mirror.com`). */
export function normalizeHubUrl(hubUrl: string): string {
  return hubUrl.replace(/\/+$/, '');
}
