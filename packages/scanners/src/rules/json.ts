import { createScanResult, type Finding, type ScanResultV1 } from '@llm-shield/core';
import { jsonrepair } from 'jsonrepair';
import { assertKnownKeys } from '../scanner-config.js';
import { findJsonCandidates } from './json-candidates.js';
import { readBoolean, readInteger } from './rule-options.js';
import { RuleOutputScanner, RULE_THRESHOLD } from './rule-scanner.js';
import { MAX_SPANS_PER_FINDING, textSpan } from './span-redaction.js';

/** Options of {@link JSON} (llm-guard's, in camelCase). */
export interface JSONConfig {
  /** Fewest valid JSON objects the output must hold (default 0). */
  requiredElements?: number;
  /** Repair broken objects with `jsonrepair` and put the repaired text in `sanitizedText` (default `true`). */
  repair?: boolean;
}

/** Validated form of {@link JSONConfig}. */
export interface ResolvedJSONConfig {
  readonly requiredElements: number;
  readonly repair: boolean;
}

/** Validates {@link JSONConfig}; raises `InvalidConfigError`. */
export function resolveJSONConfig(scanner: string, config: JSONConfig = {}): ResolvedJSONConfig {
  assertKnownKeys(scanner, config, ['requiredElements', 'repair']);
  const c = config ?? {};
  return Object.freeze({
    requiredElements: readInteger(scanner, 'requiredElements', c.requiredElements, 0, 0, 1_000_000),
    repair: readBoolean(scanner, 'repair', c.repair, true),
  });
}

function parses(text: string): boolean {
  try {
    globalThis.JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function repaired(text: string): string | undefined {
  try {
    const fixed = jsonrepair(text);
    return parses(fixed) ? fixed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * llm-guard's JSON (output): finds the JSON objects of the output (outermost balanced braces), validates each,
 * repairs the broken ones with `jsonrepair` when `repair` is on (default) and writes them back into
 * `sanitizedText`. Invalid when an object is neither valid nor repairable, or when fewer than `requiredElements`
 * valid objects are found. Score 1 (risk 1) when invalid, else 0 (risk -1). Unlike llm-guard, the output is checked
 * also when the prompt is blank.
 */
export class JSON extends RuleOutputScanner<ResolvedJSONConfig> {
  /** @param config - see {@link JSONConfig} */
  constructor(config: JSONConfig = {}) {
    super('JSON', resolveJSONConfig('JSON', config));
  }

  /** Checks one output. */
  check(output: string): ScanResultV1 {
    const candidates = findJsonCandidates(output);
    const parts: string[] = [];
    let cursor = 0;
    let valid = 0;
    const broken: Finding = { category: 'invalid_json', score: 1, rules: [], spans: [] };
    const fixed: Finding = { category: 'repaired_json', score: 0, rules: ['jsonrepair'], spans: [] };
    for (const [start, end] of candidates) {
      const candidate = output.slice(start, end);
      if (parses(candidate)) {
        valid++;
        continue;
      }
      const repair = this.config.repair ? repaired(candidate) : undefined;
      if (repair === undefined) {
        if (broken.spans.length < MAX_SPANS_PER_FINDING) broken.spans.push(textSpan(output, start, end));
        continue;
      }
      valid++;
      if (fixed.spans.length < MAX_SPANS_PER_FINDING) fixed.spans.push(textSpan(output, start, end));
      parts.push(output.slice(cursor, start), repair);
      cursor = end;
    }
    parts.push(output.slice(cursor));
    const sanitizedText = parts.length === 1 ? output : parts.join('');
    const invalid = candidates.length - valid;
    const findings: Finding[] = [];
    if (invalid > 0) findings.push(broken);
    if (fixed.spans.length > 0) findings.push(fixed);
    const { requiredElements } = this.config;
    if (valid < requiredElements) findings.push({ category: 'missing_json', score: 1, rules: [`required_elements:${requiredElements}`], spans: [] });
    const flagged = invalid > 0 || valid < requiredElements;
    return createScanResult({
      score: flagged ? 1 : 0,
      threshold: RULE_THRESHOLD,
      method: 'heuristic',
      sanitizedText,
      findings,
      explanation: flagged
        ? `flagged: ${valid} valid JSON object${valid === 1 ? '' : 's'} of ${candidates.length}${valid < requiredElements ? `, ${requiredElements} required` : ''}`
        : `passed: ${valid} valid JSON object${valid === 1 ? '' : 's'}${fixed.spans.length ? ` (${fixed.spans.length} repaired)` : ''}`,
    });
  }
}
