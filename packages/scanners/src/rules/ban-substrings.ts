import { createScanResult, type Finding, type ScanResultV1 } from '@llm-shield/core';
import { assertKnownKeys } from '../scanner-config.js';
import { LiteralMatcher, type LiteralBoundary } from './literal-matcher.js';
import { readBoolean, readEnum, readStringList } from './rule-options.js';
import { RuleInputScanner, RuleOutputScanner, RULE_THRESHOLD } from './rule-scanner.js';
import { MAX_SPANS_PER_FINDING, redactIntervals, textSpan } from './span-redaction.js';

/** How a banned substring must occur: anywhere (`str`) or as a whole word (`word`, Python's `\bS\b`). */
export type SubstringMatchType = 'str' | 'word';

/** Options of {@link BanSubstrings} and {@link OutputBanSubstrings} (llm-guard's, in camelCase). */
export interface BanSubstringsConfig {
  /** The banned substrings (required, non-empty). */
  substrings: readonly string[];
  /** `str` (default) or `word`. */
  matchType?: SubstringMatchType;
  /** Match case exactly (default `false`). */
  caseSensitive?: boolean;
  /** Replace each occurrence with `[REDACTED]` in `sanitizedText` (default `false`). */
  redact?: boolean;
  /** Flag the text only when every substring occurs (default `false`: any one is enough). */
  containsAll?: boolean;
}

/** Validated form of {@link BanSubstringsConfig}. */
export interface ResolvedBanSubstringsConfig {
  readonly substrings: readonly string[];
  readonly matchType: SubstringMatchType;
  readonly caseSensitive: boolean;
  readonly redact: boolean;
  readonly containsAll: boolean;
}

const KEYS = ['substrings', 'matchType', 'caseSensitive', 'redact', 'containsAll'] as const;

/** Validates {@link BanSubstringsConfig}; raises `InvalidConfigError` (unknown option, empty list, bad value). */
export function resolveBanSubstringsConfig(scanner: string, config: BanSubstringsConfig): ResolvedBanSubstringsConfig {
  assertKnownKeys(scanner, config, KEYS);
  const c = (config ?? {}) as Partial<BanSubstringsConfig>;
  return Object.freeze({
    substrings: readStringList(scanner, 'substrings', c.substrings, { required: true }),
    matchType: readEnum<SubstringMatchType>(scanner, 'matchType', c.matchType, 'str', ['str', 'word']),
    caseSensitive: readBoolean(scanner, 'caseSensitive', c.caseSensitive, false),
    redact: readBoolean(scanner, 'redact', c.redact, false),
    containsAll: readBoolean(scanner, 'containsAll', c.containsAll, false),
  });
}

/**
 * The check of BanSubstrings and NoRefusalLight: all substrings in one pass ({@link LiteralMatcher}), score 1 when
 * the text is flagged (any substring, or all of them with `containsAll`), else 0; threshold {@link RULE_THRESHOLD}.
 */
export class SubstringBan {
  private readonly matcher: LiteralMatcher;

  /**
   * @param config - the validated options
   * @param category - the findings' category (default `banned_substring`)
   * @param wordBoundary - what `matchType: 'word'` means (default `python`, llm-guard's `\bS\b`)
   */
  constructor(
    readonly config: ResolvedBanSubstringsConfig,
    private readonly category = 'banned_substring',
    private readonly wordBoundary: LiteralBoundary = 'python',
  ) {
    this.matcher = new LiteralMatcher(config.substrings, { caseSensitive: config.caseSensitive });
  }

  /** Checks one text. */
  check(text: string): ScanResultV1 {
    const { occurrences, matchedPatterns, intervals } = this.matcher.search(text, { boundary: this.config.matchType === 'word' ? this.wordBoundary : 'none' });
    const total = this.config.substrings.length;
    const flagged = this.config.containsAll ? matchedPatterns === total : matchedPatterns > 0;
    if (!flagged) {
      const explanation =
        matchedPatterns > 0 ? `passed: ${matchedPatterns} of ${total} substrings found, all are required` : 'passed: no banned substring found';
      return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: text, explanation });
    }
    const matched = occurrences
      .map(([pattern]) => pattern)
      .sort((a, b) => a - b)
      .map((pattern) => this.config.substrings[pattern]!);
    const finding: Finding = {
      category: this.category,
      score: 1,
      rules: matched,
      spans: intervals.slice(0, MAX_SPANS_PER_FINDING).map(([s, e]) => textSpan(text, s, e)),
    };
    return createScanResult({
      score: 1,
      threshold: RULE_THRESHOLD,
      method: 'heuristic',
      sanitizedText: this.config.redact ? redactIntervals(text, intervals) : text,
      findings: [finding],
      explanation: `flagged: ${matched.length} banned substring${matched.length === 1 ? '' : 's'} found (${matched
        .slice(0, 3)
        .map((s) => JSON.stringify(s))
        .join(', ')}${matched.length > 3 ? ', …' : ''})`,
    });
  }
}

/**
 * llm-guard's BanSubstrings (input): flags a prompt that contains any of `substrings` (all of them with
 * `containsAll`), as substrings or whole words, optionally redacting them. Score 1 (risk 1) when flagged, else 0
 * (risk -1). Defaults: `matchType: 'str'`, `caseSensitive: false`, `redact: false`, `containsAll: false`.
 */
export class BanSubstrings extends RuleInputScanner<ResolvedBanSubstringsConfig> {
  private readonly ban: SubstringBan;

  /** @param config - see {@link BanSubstringsConfig}; `substrings` is required. */
  constructor(config: BanSubstringsConfig) {
    super('BanSubstrings', resolveBanSubstringsConfig('BanSubstrings', config));
    this.ban = new SubstringBan(this.config);
  }

  /** Checks one prompt. */
  check(text: string): ScanResultV1 {
    return this.ban.check(text);
  }
}

/** llm-guard's BanSubstrings (output): as {@link BanSubstrings}, on the model's output. */
export class OutputBanSubstrings extends RuleOutputScanner<ResolvedBanSubstringsConfig> {
  private readonly ban: SubstringBan;

  /** @param config - see {@link BanSubstringsConfig}; `substrings` is required. */
  constructor(config: BanSubstringsConfig) {
    super('BanSubstrings', resolveBanSubstringsConfig('BanSubstrings', config));
    this.ban = new SubstringBan(this.config);
  }

  /** Checks one output. */
  check(output: string): ScanResultV1 {
    return this.ban.check(output);
  }
}
