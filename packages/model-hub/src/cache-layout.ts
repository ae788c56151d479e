import { InvalidConfigError } from '@llm-shield/core';

/** Kinds of Hub repository, as in Python's `huggingface_hub`. */
export type RepoType = 'model' | 'dataset' | 'space';

const REPO_ID = /^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

/**
 * Validates a Hub repo id (`name` or `org/name`, letters, digits, `.`, `_`, `-`, at most 96 characters each,
 * no `--` or `..`, as the Hub enforces). Raises {@link InvalidConfigError} otherwise.
 */
export function assertRepoId(repoId: string): string {
  if (typeof repoId !== 'string' || !REPO_ID.test(repoId) || repoId.includes('--') || repoId.includes('..') || repoId.endsWith('.git')) {
    throw new InvalidConfigError(`${JSON.stringify(repoId)} is not a valid Hugging Face repo id (expected "org/name").`);
  }
  return repoId;
}

/**
 * The folder of a repo inside the cache, named as Python's `huggingface_hub` names it:
 * `models--org--name` (or `datasets--…`, `spaces--…`), so one cache serves both.
 */
export function repoFolderName(repoId: string, repoType: RepoType = 'model'): string {
  return [`${repoType}s`, ...assertRepoId(repoId).split('/')].join('--');
}

/** Environment variables that choose the cache folder. */
export interface CacheEnvironment {
  LLM_SHIELD_HUB_CACHE?: string;
  HF_HUB_CACHE?: string;
  HUGGINGFACE_HUB_CACHE?: string;
  HF_HOME?: string;
  XDG_CACHE_HOME?: string;
}

/**
 * The hub cache folder, by precedence: `LLM_SHIELD_HUB_CACHE` (llm-shield's own override), `HF_HUB_CACHE`,
 * `HUGGINGFACE_HUB_CACHE` (older name), `$HF_HOME/hub`, `$XDG_CACHE_HOME/huggingface/hub`,
 * `<home>/.cache/huggingface/hub` — the same default as Python's `huggingface_hub`. Paths use `/`.
 *
 * @param env - the environment (e.g. `process.env`)
 * @param homeDir - the user's home folder (e.g. `os.homedir()`)
 */
export function resolveHubCacheDir(env: CacheEnvironment, homeDir: string): string {
  const set = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value : undefined);
  const direct = set(env.LLM_SHIELD_HUB_CACHE) ?? set(env.HF_HUB_CACHE) ?? set(env.HUGGINGFACE_HUB_CACHE);
  if (direct) return direct;
  const hfHome = set(env.HF_HOME);
  if (hfHome) return joinPath(hfHome, 'hub');
  const xdg = set(env.XDG_CACHE_HOME);
  return joinPath(xdg ?? joinPath(homeDir, '.cache'), 'huggingface', 'hub');
}

function joinPath(...parts: string[]): string {
  return parts.map((part, index) => (index === 0 ? part.replace(/\/+$/, '') : part.replace(/^\/+|\/+$/g, ''))).join('/');
}
