import { createScanResult, type Finding, type InputScannerV1, type OutputScannerV1, type ScanContextV1, type ScanResultV1 } from '@llm-shield/core';
import { REDACT_MODES, redactSecret, type RedactMode } from '../secrets/redact.js';
import { SecretDetector, type SecretFinding } from '../secrets/secret-detector.js';
import { checkKnownOptions, readEnum, readStringList, badValue } from './options.js';

/** Options of {@link createSecrets} / {@link createOutputSecrets}. */
export interface SecretsConfig {
  /** How found secrets are replaced in `sanitizedText` (default `all`): see {@link redactSecret}. */
  redactMode?: RedactMode;
  /** Rule ids to switch off, e.g. `['generic-api-key']` (default none). */
  disabledRules?: string[];
}

let shared: SecretDetector | undefined;

function detectorFor(scanner: string, disabled: string[] | undefined): SecretDetector {
  if (!disabled || disabled.length === 0) {
    shared ??= new SecretDetector();
    return shared;
  }
  const all = new Set((shared ??= new SecretDetector()).ruleIds);
  for (const id of disabled) if (!all.has(id)) throw badValue(scanner, 'disabledRules', id, 'ids of existing rules');
  return new SecretDetector({ disabledRules: disabled });
}

function findingsOf(found: readonly SecretFinding[], text: string): Finding[] {
  const byRule = new Map<string, Finding>();
  for (const f of found) {
    let finding = byRule.get(f.ruleId);
    if (!finding) {
      finding = { category: f.ruleId, score: f.score, rules: [f.ruleId], spans: [] };
      byRule.set(f.ruleId, finding);
    }
    finding.spans.push({ start: f.start, end: f.end, text: text.slice(f.start, f.end) });
  }
  return [...byRule.values()];
}

function scanSecrets(text: string, detector: SecretDetector, mode: RedactMode): ScanResultV1 {
  const found = text.trim() === '' ? [] : detector.detect(text);
  if (found.length === 0) {
    return createScanResult({ score: 0, threshold: 0.5, method: 'heuristic', sanitizedText: text, explanation: 'passed: no secrets found' });
  }
  const parts: string[] = [];
  let cursor = 0;
  for (const f of found) {
    parts.push(text.slice(cursor, f.start), redactSecret(f.secret, mode));
    cursor = f.end;
  }
  parts.push(text.slice(cursor));
  const findings = findingsOf(found, text);
  return createScanResult({
    score: 1,
    threshold: 0.5,
    method: 'heuristic',
    sanitizedText: parts.join(''),
    findings,
    explanation: `flagged: ${found.length} secret(s) (${findings.map((f) => f.category).join(', ')}), redacted (${mode})`,
  });
}

function resolve(scanner: string, config: SecretsConfig): { detector: SecretDetector; mode: RedactMode } {
  const raw = config as Record<string, unknown>;
  checkKnownOptions(scanner, raw, ['redactMode', 'disabledRules']);
  const mode = readEnum(scanner, 'redactMode', raw.redactMode, REDACT_MODES, 'all');
  return { detector: detectorFor(scanner, readStringList(scanner, 'disabledRules', raw.disabledRules)), mode };
}

/**
 * Secrets (input scanner): API keys, tokens, private keys, JWTs, credentials in URLs and high-entropy assignments
 * (gitleaks' 220 default rules plus detect-secrets-style rules, see `SecretDetector`). Any secret makes the prompt
 * invalid (score 1, as llm-guard); `sanitizedText` has each secret replaced per `redactMode`; one finding per rule
 * with the secrets' spans.
 */
export function createSecrets(config: SecretsConfig = {}): InputScannerV1 {
  const { detector, mode } = resolve('Secrets', config);
  return {
    specificationVersion: 'v1',
    kind: 'input',
    name: 'Secrets',
    async scan(prompt: string, _context: ScanContextV1): Promise<ScanResultV1> {
      return scanSecrets(prompt, detector, mode);
    },
  };
}

/** Secrets (output scanner): the same detection on the model's answer. */
export function createOutputSecrets(config: SecretsConfig = {}): OutputScannerV1 {
  const { detector, mode } = resolve('Secrets', config);
  return {
    specificationVersion: 'v1',
    kind: 'output',
    name: 'Secrets',
    async scan(_prompt: string, output: string, _context: ScanContextV1): Promise<ScanResultV1> {
      return scanSecrets(output, detector, mode);
    },
  };
}
