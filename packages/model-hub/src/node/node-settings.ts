import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { normalizeHubUrl, resolveHubSettings, type HubEnvironment, type HubSettings } from '../hub-environment.js';

/** Values that override the environment in {@link resolveNodeHubSettings}. */
export interface HubSettingsOverrides {
  /** Default: `LLM_SHIELD_HUB_CACHE`, `HF_HUB_CACHE`, `$HF_HOME/hub`, `~/.cache/huggingface/hub`. */
  cacheDir?: string;
  /** Default: `HF_ENDPOINT`, else `https://huggingface.co`. */
  hubUrl?: string;
  /** Default: `HF_TOKEN`, `HUGGING_FACE_HUB_TOKEN`, else the token file `huggingface-cli login` writes. `null`: send none. */
  token?: string | null;
  /** Default: `HF_HUB_OFFLINE`. */
  offline?: boolean;
  /** Answer and body-idle timeout of metadata requests, ms. Default: `HF_HUB_ETAG_TIMEOUT` seconds, else 10 000. */
  etagTimeoutMs?: number;
  /** Answer and body-idle timeout of file downloads, ms. Default: `HF_HUB_DOWNLOAD_TIMEOUT` seconds, else 10 000. */
  downloadTimeoutMs?: number;
  /** Default: `process.env`. */
  env?: HubEnvironment & { HF_TOKEN_PATH?: string };
}

/**
 * Hub settings for Node: the environment as Python's `huggingface_hub` reads it (timeouts included), the stored token file
 * (`HF_TOKEN_PATH`, default `$HF_HOME/token`, i.e. `~/.cache/huggingface/token`), then `overrides`.
 */
export function resolveNodeHubSettings(overrides: HubSettingsOverrides = {}): HubSettings {
  const env = overrides.env ?? (process.env as HubEnvironment & { HF_TOKEN_PATH?: string });
  const settings = resolveHubSettings(env, homedir());
  const token = overrides.token === null ? undefined : (overrides.token ?? settings.token ?? readTokenFile(env));
  return {
    hubUrl: overrides.hubUrl === undefined ? settings.hubUrl : normalizeHubUrl(overrides.hubUrl),
    ...(token === undefined ? {} : { token }),
    offline: overrides.offline ?? settings.offline,
    cacheDir: overrides.cacheDir ?? settings.cacheDir,
    etagTimeoutMs: overrides.etagTimeoutMs ?? settings.etagTimeoutMs,
    downloadTimeoutMs: overrides.downloadTimeoutMs ?? settings.downloadTimeoutMs,
  };
}

function readTokenFile(env: HubEnvironment & { HF_TOKEN_PATH?: string }): string | undefined {
  const hfHome = env.HF_HOME?.trim() || join(env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache'), 'huggingface');
  const path = env.HF_TOKEN_PATH?.trim() || join(hfHome, 'token');
  try {
    const token = readFileSync(path, 'utf8').trim();
    return token === '' ? undefined : token;
  } catch {
    return undefined;
  }
}
