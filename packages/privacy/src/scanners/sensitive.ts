import { createFailedClosedResult, createScanResult, type OutputScannerV1, type ScanContextV1, type ScanResultV1 } from '@llm-shield/core';
import type { RegexPatternGroup } from '../recognizers/custom-patterns.js';
import { entityFindings, summarizeEntities } from './findings.js';
import { checkKnownOptions, readBoolean } from './options.js';
import { detectPiiWithPolicy, NerFailure, PII_DETECTION_OPTIONS, resolvePiiDetection, type PiiLanguage, type PiiNerOptions } from './pii-config.js';

/** Options of {@link createSensitive} (llm-guard's Sensitive parameters in camelCase). */
export interface SensitiveConfig extends PiiNerOptions {
  /** Entity types to look for (default: every built-in type). */
  entityTypes?: string[];
  /** Extra pattern groups (default none). */
  regexPatterns?: RegexPatternGroup[];
  /** Replace found values by `<ENTITY_TYPE>` in `sanitizedText`, as Presidio's default operator (default `false`). */
  redact?: boolean;
  /** Minimum detection score; a score above it makes the answer invalid (default 0.5). */
  threshold?: number;
  /** Values never reported, compared case-insensitively (default none). */
  allowedNames?: string[];
  /** Names always reported, as `CUSTOM` (default none). */
  hiddenNames?: string[];
  /** `en` (default) or `zh`. */
  language?: PiiLanguage;
}

const NAME = 'Sensitive';

/**
 * Sensitive (output scanner): PII in the model's answer makes it invalid; `score` is the best detection score.
 * With `redact`, `sanitizedText` has each value replaced by `<ENTITY_TYPE>` (llm-guard's output:
 * `<EMAIL_ADDRESS> is my email`). Findings per entity type with spans in the answer.
 */
export function createSensitive(config: SensitiveConfig = {}): OutputScannerV1 {
  const raw = config as Record<string, unknown>;
  checkKnownOptions(NAME, raw, [...PII_DETECTION_OPTIONS, 'redact']);
  const detection = resolvePiiDetection(NAME, raw, 0.5);
  const redact = readBoolean(NAME, 'redact', raw.redact, false);
  return {
    specificationVersion: 'v1',
    kind: 'output',
    name: NAME,
    async scan(_prompt: string, output: string, context: ScanContextV1): Promise<ScanResultV1> {
      const threshold = detection.threshold;
      let outcome;
      try {
        outcome = output.trim() === '' ? { entities: [], method: 'heuristic' as const } : await detectPiiWithPolicy(output, detection, [], context.signal);
      } catch (error) {
        if (error instanceof NerFailure) return createFailedClosedResult({ text: output, threshold, error: error.error, subject: `NER model ${error.model.id}`, model: error.model });
        throw error;
      }
      const { entities, method } = outcome;
      const about = { ...('model' in outcome && outcome.model ? { model: outcome.model } : {}), ...('fallbackReason' in outcome && outcome.fallbackReason ? { fallbackReason: outcome.fallbackReason } : {}) };
      if (entities.length === 0) {
        return createScanResult({ score: 0, threshold, method, sanitizedText: output, valid: true, explanation: 'passed: no personal data found', ...about });
      }
      let sanitizedText = output;
      if (redact) {
        const parts: string[] = [];
        let cursor = 0;
        for (const e of entities) {
          parts.push(output.slice(cursor, e.start), `<${e.entityType}>`);
          cursor = e.end;
        }
        parts.push(output.slice(cursor));
        sanitizedText = parts.join('');
      }
      return createScanResult({
        score: Math.max(...entities.map((e) => e.score)),
        threshold,
        method,
        sanitizedText,
        valid: false,
        findings: entityFindings(entities, output),
        ...about,
        explanation: `flagged: personal data in the output (${summarizeEntities(entities)})${redact ? ', redacted' : ''}`,
      });
    },
  };
}
