import { createScanResult, type OutputScannerV1, type ScanContextV1, type ScanResultV1, type Vault } from '@llm-shield/core';
import { resolveOverlaps } from '../recognizers/analyzer.js';
import { findPlaceholderLike } from '../vault/placeholders.js';
import { checkKnownOptions, readEnum } from './options.js';

/** llm-guard's `matching_strategy` values. */
export const MATCHING_STRATEGIES = ['exact', 'case_insensitive', 'fuzzy', 'combined_exact_fuzzy'] as const;
/** One of {@link MATCHING_STRATEGIES}. */
export type MatchingStrategy = (typeof MATCHING_STRATEGIES)[number];

/** Options of {@link createDeanonymize}. */
export interface DeanonymizeConfig {
  /**
   * How vault keys are found in the answer (default `exact`):
   * - `exact`: the placeholder or fake exactly as issued;
   * - `case_insensitive`: ignoring case;
   * - `fuzzy`: a placeholder in any spelling a model produces (any case; spaces, `_` or `-` between the words;
   *   brackets missing, e.g. `[redacted email address 1]`) and fakes ignoring case and runs of whitespace. Type and
   *   number must match exactly: unlike an edit-distance search, `[REDACTED_PERSON_1]` never restores person 2;
   * - `combined_exact_fuzzy`: exact matches first, then fuzzy ones in the rest.
   */
  matchingStrategy?: MatchingStrategy;
}

const NAME = 'Deanonymize';

interface Replacement {
  start: number;
  end: number;
  score: number;
  value: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function literalMatches(text: string, pairs: ReadonlyArray<[string, string]>, flags: string, loose: boolean): Replacement[] {
  const out: Replacement[] = [];
  for (const [key, value] of pairs) {
    if (key.length === 0) continue;
    if (flags === '' && !loose) {
      for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length)) out.push({ start: i, end: i + key.length, score: key.length, value });
      continue;
    }
    const source = loose ? key.trim().split(/\s+/).map(escapeRegExp).join('\\s{1,4}') : escapeRegExp(key);
    const re = new RegExp(source, `g${flags}`);
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, score: key.length, value });
  }
  return out;
}

/** Restores vault values in `text` by `strategy`; returns the text and how many values were restored. */
export function restoreFromVault(text: string, vault: Vault, strategy: MatchingStrategy): { text: string; restored: number; spans: Array<{ start: number; end: number }> } {
  // Only pairs the vault issued and did not block: user-typed placeholder-like text is never turned into data.
  const pairs = vault.entries().filter(([k]) => vault.get(k) !== undefined);
  if (pairs.length === 0 || text.length === 0) return { text, restored: 0, spans: [] };
  let found: Replacement[] = [];
  if (strategy === 'exact' || strategy === 'combined_exact_fuzzy') found = literalMatches(text, pairs, '', false);
  if (strategy === 'case_insensitive') found = literalMatches(text, pairs, 'i', false);
  if (strategy === 'fuzzy' || strategy === 'combined_exact_fuzzy') {
    const exactSpans = found;
    const fuzzy: Replacement[] = [];
    for (const p of findPlaceholderLike(text)) {
      const value = vault.get(p.canonical);
      if (value !== undefined) fuzzy.push({ start: p.start, end: p.end, score: p.end - p.start, value });
    }
    const fakes = pairs.filter(([k]) => !k.startsWith('[REDACTED_'));
    fuzzy.push(...literalMatches(text, fakes, 'i', true));
    // exact matches outrank fuzzy ones in combined mode
    found = [...exactSpans.map((r) => ({ ...r, score: r.score + 1e6 })), ...fuzzy];
  }
  const kept = resolveOverlaps(found);
  if (kept.length === 0) return { text, restored: 0, spans: [] };
  const parts: string[] = [];
  let cursor = 0;
  for (const r of kept) {
    parts.push(text.slice(cursor, r.start), r.value);
    cursor = r.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), restored: kept.length, spans: kept.map((r) => ({ start: r.start, end: r.end })) };
}

/**
 * Deanonymize (output scanner): replaces the placeholders (or fakes) Anonymize stored in `context.vault` by the
 * original values in the model's answer, by `matchingStrategy` (see {@link DeanonymizeConfig}). Always valid
 * (score 0), as llm-guard; `sanitizedText` is the restored answer; a `deanonymized` finding lists the replaced
 * spans of the answer. Placeholders the vault blocked (typed by the user) stay as they are.
 */
export function createDeanonymize(config: DeanonymizeConfig = {}): OutputScannerV1 {
  const raw = config as Record<string, unknown>;
  checkKnownOptions(NAME, raw, ['matchingStrategy']);
  const strategy = readEnum(NAME, 'matchingStrategy', raw.matchingStrategy, MATCHING_STRATEGIES, 'exact');
  return {
    specificationVersion: 'v1',
    kind: 'output',
    name: NAME,
    async scan(_prompt: string, output: string, context: ScanContextV1): Promise<ScanResultV1> {
      const { text, restored, spans } = restoreFromVault(output, context.vault, strategy);
      return createScanResult({
        score: 0,
        threshold: 0,
        valid: true,
        method: 'heuristic',
        sanitizedText: text,
        findings: restored > 0 ? [{ category: 'deanonymized', score: 0, rules: [`matching:${strategy}`], spans: spans.map((s) => ({ ...s, text: output.slice(s.start, s.end) })) }] : [],
        explanation: restored > 0 ? `restored ${restored} value(s) from the vault` : 'passed: nothing to restore',
      });
    },
  };
}
