import { createScanResult, type Finding, type ScanResultV1, type TextSpan } from '@llm-shield/core';
import { assertKnownKeys } from '../scanner-config.js';
import { LiteralMatcher } from './literal-matcher.js';
import { normalizeForMatching, normalizeName, originalSpan } from './normalized-text.js';
import { invalidOption, readBoolean } from './rule-options.js';
import { RuleInputScanner, RuleOutputScanner, RULE_THRESHOLD } from './rule-scanner.js';
import { MAX_SPANS_PER_FINDING, redactIntervals, SpanUnion, textSpan } from './span-redaction.js';

/** A competitor: its name and other names it goes by. */
export interface CompetitorEntry {
  /** The name reported in findings. */
  name: string;
  /** Other names, matched like the name (default none). */
  aliases?: readonly string[];
}

/** Options of {@link BanCompetitors} and {@link OutputBanCompetitors}. */
export interface BanCompetitorsConfig {
  /** The competitors (required, non-empty): names, or entries with aliases. */
  competitors: ReadonlyArray<string | CompetitorEntry>;
  /** Replace each mention with `[REDACTED]` in `sanitizedText` (default `true`, as llm-guard). */
  redact?: boolean;
}

/** Validated form of {@link BanCompetitorsConfig}. */
export interface ResolvedBanCompetitorsConfig {
  readonly competitors: ReadonlyArray<{ readonly name: string; readonly aliases: readonly string[] }>;
  readonly redact: boolean;
}

const KEYS = ['competitors', 'redact'] as const;

/** Validates {@link BanCompetitorsConfig}; raises `InvalidConfigError`. */
export function resolveBanCompetitorsConfig(scanner: string, config: BanCompetitorsConfig): ResolvedBanCompetitorsConfig {
  assertKnownKeys(scanner, config, KEYS);
  const c = (config ?? {}) as Partial<BanCompetitorsConfig>;
  const list = c.competitors;
  if (!Array.isArray(list) || list.length === 0) throw invalidOption(scanner, 'competitors', list, 'a non-empty list of names or { name, aliases } entries');
  const competitors = list.map((entry: unknown) => {
    const bad = (): never => {
      throw invalidOption(scanner, 'competitors', entry, 'a name or { name, aliases } with non-empty names that stay non-empty once normalised');
    };
    let name: unknown;
    let aliases: unknown = [];
    if (typeof entry === 'string') name = entry;
    else if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
      const keys = Object.keys(entry);
      if (keys.some((k) => k !== 'name' && k !== 'aliases')) bad();
      ({ name, aliases = [] } = entry as { name?: unknown; aliases?: unknown });
    } else bad();
    if (typeof name !== 'string' || !Array.isArray(aliases)) return bad();
    for (const n of [name, ...(aliases as unknown[])]) if (typeof n !== 'string' || normalizeName(n).trim() === '') bad();
    return Object.freeze({ name, aliases: Object.freeze([...(aliases as string[])]) });
  });
  return Object.freeze({ competitors: Object.freeze(competitors), redact: readBoolean(scanner, 'redact', c.redact, true) });
}

/**
 * The check of BanCompetitors: every name and alias in one pass ({@link LiteralMatcher}) over the text normalised by
 * {@link normalizeForMatching} (NFKC, lower case, zero-width characters removed), as whole words; spans are in the
 * original text. Score 1 (risk 1) when a competitor is mentioned, else 0 (risk -1).
 */
export class CompetitorBan {
  private readonly matcher: LiteralMatcher;
  private readonly owner: number[] = [];
  private readonly byForm = new Map<string, number>();

  /** @param config - the validated options */
  constructor(readonly config: ResolvedBanCompetitorsConfig) {
    const forms: string[] = [];
    config.competitors.forEach((competitor, index) => {
      for (const name of [competitor.name, ...competitor.aliases]) {
        const form = normalizeName(name);
        forms.push(form);
        this.owner.push(index);
        if (!this.byForm.has(form)) this.byForm.set(form, index);
      }
    });
    this.matcher = new LiteralMatcher(forms, { caseSensitive: true });
  }

  /** Checks one text. */
  check(text: string): ScanResultV1 {
    const normalized = normalizeForMatching(text);
    const { occurrences, matchedPatterns, intervals } = this.matcher.search(normalized.text, { boundary: 'edges' });
    if (matchedPatterns === 0) {
      return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: text, explanation: 'passed: no competitor mentioned' });
    }
    const spansOf = new Map<number, TextSpan[]>();
    const union = new SpanUnion();
    const push = (competitor: number, start: number, end: number): void => {
      const spans = spansOf.get(competitor) ?? [];
      if (spans.length < MAX_SPANS_PER_FINDING) spans.push(textSpan(text, start, end));
      spansOf.set(competitor, spans);
    };
    for (const [s, e] of intervals) {
      const [start, end] = originalSpan(normalized, s, e);
      union.add(start, end);
      const owner = this.byForm.get(normalized.text.slice(s, e));
      if (owner !== undefined) push(owner, start, end);
      else {
        // Overlapping mentions merged into one interval: credit each competitor that starts inside it.
        for (const [pattern, first] of occurrences) if (first >= s && first < e) push(this.owner[pattern]!, start, end);
      }
    }
    for (const [pattern, first] of occurrences) {
      if (spansOf.has(this.owner[pattern]!)) continue;
      const [start, end] = originalSpan(normalized, first, first + this.matcher.patterns[pattern]!.length);
      push(this.owner[pattern]!, start, end);
    }
    const findings: Finding[] = [...spansOf.entries()].map(([competitor, spans]) => ({
      category: 'competitor',
      score: 1,
      rules: [this.config.competitors[competitor]!.name],
      spans,
    }));
    return createScanResult({
      score: 1,
      threshold: RULE_THRESHOLD,
      method: 'heuristic',
      sanitizedText: this.config.redact ? redactIntervals(text, union.intervals()) : text,
      findings,
      explanation: `flagged: competitor${findings.length === 1 ? '' : 's'} mentioned (${findings
        .slice(0, 3)
        .map((f) => f.rules[0])
        .join(', ')}${findings.length > 3 ? ', …' : ''})`,
    });
  }
}

/**
 * llm-guard's BanCompetitors (input) without its NER model: flags a prompt that mentions a competitor by name or
 * alias, as a whole word, whatever its case or Unicode form (NFKC, zero-width characters ignored), and redacts the
 * mentions (default `redact: true`). llm-guard's `threshold` and `model` (for the NER model) do not apply.
 */
export class BanCompetitors extends RuleInputScanner<ResolvedBanCompetitorsConfig> {
  private readonly ban: CompetitorBan;

  /** @param config - see {@link BanCompetitorsConfig}; `competitors` is required. */
  constructor(config: BanCompetitorsConfig) {
    super('BanCompetitors', resolveBanCompetitorsConfig('BanCompetitors', config));
    this.ban = new CompetitorBan(this.config);
  }

  /** Checks one prompt. */
  check(text: string): ScanResultV1 {
    return this.ban.check(text);
  }
}

/** llm-guard's BanCompetitors (output): as {@link BanCompetitors}, on the model's output. */
export class OutputBanCompetitors extends RuleOutputScanner<ResolvedBanCompetitorsConfig> {
  private readonly ban: CompetitorBan;

  /** @param config - see {@link BanCompetitorsConfig}; `competitors` is required. */
  constructor(config: BanCompetitorsConfig) {
    super('BanCompetitors', resolveBanCompetitorsConfig('BanCompetitors', config));
    this.ban = new CompetitorBan(this.config);
  }

  /** Checks one output. */
  check(output: string): ScanResultV1 {
    return this.ban.check(output);
  }
}
