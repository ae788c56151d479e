import { createScanResult, InvalidConfigError, type Finding, type ScanResultV1 } from '@llm-shield/core';
import { RE2JS, RE2Set } from 're2js';
import { assertKnownKeys } from '../scanner-config.js';
import { readBoolean, readEnum, readStringList } from './rule-options.js';
import { RuleInputScanner, RuleOutputScanner, RULE_THRESHOLD } from './rule-scanner.js';
import { MAX_SPANS_PER_FINDING, redactIntervals, SpanUnion, textSpan } from './span-redaction.js';

/**
 * How patterns are applied (llm-guard's `MatchType`): `search` (first match of each pattern), `fullmatch` (the whole
 * text must match) or `all` (every match).
 */
export type RegexMatchType = 'search' | 'fullmatch' | 'all';

/** Options of {@link Regex} and {@link OutputRegex} (llm-guard's, in camelCase). */
export interface RegexConfig {
  /**
   * The patterns (required, non-empty), in RE2 syntax: Python's `re` syntax without look-around and
   * back-references (those are refused at construction); `(?i)`, `(?P<name>…)`, `\b`, `\d` work.
   */
  patterns: readonly string[];
  /** `true` (default): a match flags the text (deny list); `false`: the text must match a pattern (allow list). */
  isBlocked?: boolean;
  /** Default `all`, as llm-guard. */
  matchType?: RegexMatchType;
  /** Replace matches with `[REDACTED]` in `sanitizedText` when blocked (default `true`, as llm-guard). */
  redact?: boolean;
}

/** Validated form of {@link RegexConfig}. */
export interface ResolvedRegexConfig {
  readonly patterns: readonly string[];
  readonly isBlocked: boolean;
  readonly matchType: RegexMatchType;
  readonly redact: boolean;
}

const KEYS = ['patterns', 'isBlocked', 'matchType', 'redact'] as const;

/** Validates {@link RegexConfig}; an invalid or unsupported pattern raises `InvalidConfigError` with RE2's message. */
export function resolveRegexConfig(scanner: string, config: RegexConfig): ResolvedRegexConfig {
  assertKnownKeys(scanner, config, KEYS);
  const c = (config ?? {}) as Partial<RegexConfig>;
  return Object.freeze({
    patterns: readStringList(scanner, 'patterns', c.patterns, { required: true }),
    isBlocked: readBoolean(scanner, 'isBlocked', c.isBlocked, true),
    matchType: readEnum<RegexMatchType>(scanner, 'matchType', c.matchType, 'all', ['search', 'fullmatch', 'all']),
    redact: readBoolean(scanner, 'redact', c.redact, true),
  });
}

/**
 * Compiles `pattern` with RE2 (linear-time matching, no backtracking); raises `InvalidConfigError` whose message
 * carries the parser's error and whose details name the pattern.
 */
export function compileLinearPattern(scanner: string, pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidConfigError(`${scanner}: pattern ${JSON.stringify(pattern)} is invalid or needs backtracking: ${reason}.`, {
      details: { scanner, field: 'patterns', value: pattern, reason },
      cause: error,
    });
  }
}

/**
 * The check of Regex. All patterns run together in one RE2 set (one linear pass tells which match); only those are
 * then run alone for their spans. The engine is `re2js`, a pure-JavaScript port of RE2: patterns from a
 * configuration file cannot cause catastrophic backtracking.
 */
export class RegexRule {
  private readonly compiled: RE2JS[];
  private readonly set: RE2Set;

  /** @param config - the validated options */
  constructor(
    readonly config: ResolvedRegexConfig,
    scanner = 'Regex',
  ) {
    this.compiled = config.patterns.map((pattern) => compileLinearPattern(scanner, pattern));
    this.set = new RE2Set(config.matchType === 'fullmatch' ? RE2Set.ANCHOR_BOTH : RE2Set.UNANCHORED);
    for (const pattern of config.patterns) this.set.add(pattern);
    this.set.compile();
  }

  /** Checks one text. */
  check(text: string): ScanResultV1 {
    const hits = this.set.match(text).sort((a, b) => a - b);
    const { isBlocked, matchType, patterns } = this.config;
    if (hits.length === 0) {
      if (isBlocked) return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: text, explanation: 'passed: no pattern matched' });
      return createScanResult({
        score: 1,
        threshold: RULE_THRESHOLD,
        method: 'heuristic',
        sanitizedText: text,
        findings: [{ category: 'no_allowed_pattern', score: 1, rules: [...patterns], spans: [] }],
        explanation: 'flagged: the text matches none of the allowed patterns',
      });
    }
    const union = new SpanUnion();
    const findings: Finding[] = [];
    for (const index of hits) {
      const spans = [];
      if (matchType === 'fullmatch') {
        union.add(0, text.length);
        spans.push(textSpan(text, 0, text.length));
      } else {
        const matcher = this.compiled[index]!.matcher(text);
        while (matcher.find()) {
          const start = matcher.start();
          const end = matcher.end();
          union.add(start, end);
          if (spans.length < MAX_SPANS_PER_FINDING) spans.push(textSpan(text, start, end));
          if (matchType === 'search') break;
        }
      }
      findings.push({ category: isBlocked ? 'blocked_pattern' : 'allowed_pattern', score: isBlocked ? 1 : 0, rules: [patterns[index]!], spans });
    }
    if (!isBlocked) {
      return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: text, findings, explanation: 'passed: an allowed pattern matched' });
    }
    return createScanResult({
      score: 1,
      threshold: RULE_THRESHOLD,
      method: 'heuristic',
      sanitizedText: this.config.redact ? redactIntervals(text, union.intervals()) : text,
      findings,
      explanation: `flagged: ${findings.length} blocked pattern${findings.length === 1 ? '' : 's'} matched`,
    });
  }
}

/**
 * llm-guard's Regex (input): patterns as a deny list (`isBlocked: true`, default) or an allow list, `matchType`
 * `all` (default), `search` or `fullmatch`, matches redacted with `[REDACTED]` (default `redact: true`). Score 1
 * (risk 1) when flagged, else 0 (risk -1). Patterns run on RE2 (re2js): linear time whatever the pattern.
 */
export class Regex extends RuleInputScanner<ResolvedRegexConfig> {
  private readonly rule: RegexRule;

  /** @param config - see {@link RegexConfig}; `patterns` is required. */
  constructor(config: RegexConfig) {
    super('Regex', resolveRegexConfig('Regex', config));
    this.rule = new RegexRule(this.config, 'Regex');
  }

  /** Checks one prompt. */
  check(text: string): ScanResultV1 {
    return this.rule.check(text);
  }
}

/** llm-guard's Regex (output): as {@link Regex}, on the model's output. */
export class OutputRegex extends RuleOutputScanner<ResolvedRegexConfig> {
  private readonly rule: RegexRule;

  /** @param config - see {@link RegexConfig}; `patterns` is required. */
  constructor(config: RegexConfig) {
    super('Regex', resolveRegexConfig('Regex', config));
    this.rule = new RegexRule(this.config, 'Regex');
  }

  /** Checks one output. */
  check(output: string): ScanResultV1 {
    return this.rule.check(output);
  }
}
