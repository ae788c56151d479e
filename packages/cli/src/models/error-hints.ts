import { ErrorCode, LlmShieldError, type ErrorCodeValue } from '@llm-shield/core';
import { fileSystemHint } from '@llm-shield/model-hub/node';

const HINTS: Partial<Record<ErrorCodeValue, string>> = {
  [ErrorCode.HubUnreachable]:
    'use --hub-url (or HF_ENDPOINT) for a mirror, or --offline (HF_HUB_OFFLINE=1) with a cache copied from a machine that has internet.',
  [ErrorCode.HubAuthRequired]: 'export HF_TOKEN=hf_… (a token of an account that accepted the model terms) and run the command again.',
  [ErrorCode.HubNotFound]: 'see `llm-shield models list` for the registry ids, variants and pins; check --revision and --variant.',
  [ErrorCode.ChecksumMismatch]:
    'nothing damaged was kept; run the command again. If it repeats, a proxy or mirror (HF_ENDPOINT) alters the file, or the cache is damaged: `llm-shield models verify`.',
  [ErrorCode.DiskFull]: 'free some space, or choose another cache with --cache-dir (or LLM_SHIELD_HUB_CACHE); `llm-shield models clean` deletes partial downloads.',
  [ErrorCode.TransferInterrupted]: 'run the same command again: the download resumes where it stopped.',
  [ErrorCode.ModelUnavailable]: 'pull the model on a machine with internet (`llm-shield models pull`) and copy its cache folder here.',
};

/**
 * A one-line suggestion for what to do after a typed error of a `models` command, or `undefined` (errors without
 * one, and errors raised because offline mode is on, whose message already says what to do).
 */
export function hintForError(error: unknown): string | undefined {
  if (!LlmShieldError.isInstance(error)) return undefined;
  if (error.details['offline'] === true && error.code === ErrorCode.HubUnreachable) return undefined; // the message says it all
  if (error.code === ErrorCode.FileSystem) {
    const errno = error.details['errno'];
    return typeof errno === 'string' ? fileSystemHint(errno) : 'check the cache folder, or choose another with --cache-dir (or LLM_SHIELD_HUB_CACHE).';
  }
  if (error.code === ErrorCode.HubUnreachable && typeof error.details['timedOut'] === 'string') {
    return 'on a slow link, allow more time with --timeout SECONDS (or HF_HUB_ETAG_TIMEOUT / HF_HUB_DOWNLOAD_TIMEOUT); for a mirror use --hub-url.';
  }
  return HINTS[error.code];
}

/** Writes `error [CODE]: message` and, when there is one, `hint: …`, as the CLI prints typed errors. */
export function formatModelsError(error: LlmShieldError): string {
  const hint = hintForError(error);
  return `error [${error.code}]: ${error.message}\n${hint === undefined ? '' : `hint: ${hint}\n`}`;
}
