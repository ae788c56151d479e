import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** llm-guard's Secrets `redact_mode` values. */
export const REDACT_MODES = ['all', 'partial', 'hash'] as const;
/** One of {@link REDACT_MODES}. */
export type RedactMode = (typeof REDACT_MODES)[number];

/**
 * What a secret becomes, as llm-guard: `all` → `******`; `partial` → the first and last two characters around
 * `..` (`gh..R8`); `hash` → the MD5 hex digest of the value (lets a log correlate a leaked value without holding it).
 */
export function redactSecret(value: string, mode: RedactMode): string {
  if (mode === 'partial') return `${value.slice(0, 2)}..${value.slice(-2)}`;
  if (mode === 'hash') return bytesToHex(md5(new TextEncoder().encode(value)));
  return '******';
}
