import type { PipelineResult, Vault } from '@llm-shield/core';
import type { ShieldLike } from './shield-like.js';

/** A piece of a conversation to scan before a model call. */
export interface InputText {
  /** The text. */
  text: string;
  /** `user`: a user turn; `tool`: a tool result (indirect injection travels there). */
  source: 'user' | 'tool';
  /** The tool of a tool result. */
  toolName?: string;
}

/** The verdict over every {@link InputText} of a call. */
export interface InputVerdict {
  /** True when every text passed. */
  valid: boolean;
  /** One result per text, in order (texts after the first failure are not scanned). */
  results: PipelineResult[];
  /** The first failing text and its result. */
  failure?: { input: InputText; result: PipelineResult };
  /** The texts after sanitizing scanners, in order (the given text where it was not scanned). */
  sanitized: string[];
  /** True when a sanitizing scanner changed at least one text. */
  changed: boolean;
}

/**
 * Scans the texts of a call one after another with one vault (so the placeholders of an Anonymize stay unique
 * across them), stopping at the first failure.
 *
 * @param shield - the scanners
 * @param texts - user turns and tool results
 * @param vault - the call's vault (its output scan uses the same one)
 * @param signal - aborts the scans
 */
export async function scanInputTexts(shield: ShieldLike, texts: readonly InputText[], vault: Vault, signal?: AbortSignal): Promise<InputVerdict> {
  const results: PipelineResult[] = [];
  const sanitized = texts.map((input) => input.text);
  let changed = false;
  for (const [index, input] of texts.entries()) {
    const result = await shield.scanPrompt(input.text, { vault, ...(signal ? { signal } : {}) });
    results.push(result);
    if (!result.valid) return { valid: false, results, failure: { input, result }, sanitized, changed };
    if (result.sanitizedText !== input.text) {
      sanitized[index] = result.sanitizedText;
      changed = true;
    }
  }
  return { valid: true, results, sanitized, changed };
}
