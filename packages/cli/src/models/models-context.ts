import {
  createHubHttp,
  createModelHub,
  createModelRegistry,
  type HubHttp,
  type HubSettings,
  type ModelHub,
  type ModelRegistry,
} from '@llm-shield/model-hub/node';
import type { CliIo } from '../cli-io.js';
import type { ModelsGlobalOptions } from './models-args.js';
import { loadRegistryFile } from './load-registry-file.js';

/** What every `models` subcommand works with. */
export interface ModelsContext {
  hub: ModelHub;
  registry: ModelRegistry;
  settings: HubSettings;
  /** Requests to the hub with the same settings (token, retries), for what `hub` does not do (head checks). */
  http: HubHttp;
  /** Writes a warning to stderr (`warning: …`). */
  warn(message: string): void;
}

/** Options of {@link createModelsContext} beyond the command line, for tests and embedding. */
export interface ModelsContextOptions {
  /** The fetch the hub uses (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** First pause between retries (default: the library's 500 ms). */
  retryDelayMs?: number;
}

/**
 * Builds the hub of a `models` run: the built-in registry plus `--registry` files, and hub settings from the
 * options (`--cache-dir`, `--hub-url`, `--offline`, `--timeout`) over the environment of `io` (`LLM_SHIELD_HUB_CACHE`,
 * `HF_HUB_CACHE`, `HF_HOME`, `HF_ENDPOINT`, `HF_TOKEN`, `HF_HUB_OFFLINE`, `HF_HUB_ETAG_TIMEOUT`,
 * `HF_HUB_DOWNLOAD_TIMEOUT`; none when `io.env` is absent).
 * Warnings of the library go to stderr.
 */
export async function createModelsContext(options: ModelsGlobalOptions, io: CliIo, extra: ModelsContextOptions = {}): Promise<ModelsContext> {
  const entries = (await Promise.all(options.registryFiles.map((file) => loadRegistryFile(file)))).flat();
  const registry = createModelRegistry(entries);
  const warn = (message: string) => {
    io.stderr.write(`warning: ${message}\n`);
  };
  const hub = createModelHub({
    env: { ...(io.env ?? {}) },
    registry,
    onWarning: warn,
    // Waiting for another process's download is worth a note where a person watches (a TTY), not in scripts' stderr.
    ...(io.stderr.isTTY === true ? { onWaiting: (message: string) => io.stderr.write(`note: ${message}\n`) } : {}),
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    ...(options.hubUrl === undefined ? {} : { hubUrl: options.hubUrl }),
    ...(options.offline === undefined ? {} : { offline: options.offline }),
    ...(options.timeoutMs === undefined ? {} : { etagTimeoutMs: options.timeoutMs, downloadTimeoutMs: options.timeoutMs }),
    ...(extra.fetch === undefined ? {} : { fetch: extra.fetch }),
    ...(extra.retryDelayMs === undefined ? {} : { retryDelayMs: extra.retryDelayMs }),
  });
  const settings = hub.settings;
  const http = createHubHttp({
    hubUrl: settings.hubUrl,
    timeoutMs: settings.etagTimeoutMs,
    ...(settings.token === undefined ? {} : { token: settings.token }),
    ...(extra.fetch === undefined ? {} : { fetch: extra.fetch }),
    ...(extra.retryDelayMs === undefined ? {} : { retryDelayMs: extra.retryDelayMs }),
  });
  return { hub, registry, settings, http, warn };
}
