import { badValue } from '../scanners/options.js';
import { hasContext } from './context.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

/** A user regex pattern group, llm-guard's `regex_patterns` item. */
export interface RegexPatternGroup {
  /** Entity type reported (upper-cased), e.g. `EMPLOYEE_ID`. */
  name: string;
  /** JavaScript regular expressions (source strings); each must compile. */
  expressions: string[];
  /** Words that raise the score by 0.35 (max 1) when within 48 characters before a match (default none). */
  context?: string[];
  /** Score of a match (default 0.75). */
  score?: number;
  /** Languages the group applies to (accepted for llm-guard compatibility; the group runs for every language). */
  languages?: string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a recogniser from user pattern groups (reason `pattern`, or `context` when a context word raised the
 * score). The expressions are the user's: their cost is the user's responsibility (keep them free of nested
 * quantifiers). Invalid groups are refused with `InvalidConfigError` naming `field`.
 */
export function createRegexPatternRecognizer(scanner: string, field: string, groups: unknown): PiiRecognizer {
  if (!Array.isArray(groups)) throw badValue(scanner, field, groups, 'a list of { name, expressions, context?, score? }');
  const compiled = groups.map((g, i) => {
    const group = g as Partial<RegexPatternGroup>;
    if (typeof group !== 'object' || group === null || typeof group.name !== 'string' || group.name.length === 0) {
      throw badValue(scanner, `${field}[${i}].name`, group?.name, 'a non-empty string');
    }
    if (!Array.isArray(group.expressions) || group.expressions.length === 0) {
      throw badValue(scanner, `${field}[${i}].expressions`, group.expressions, 'a non-empty list of regular expressions');
    }
    const regexes = group.expressions.map((source, j) => {
      try {
        if (typeof source !== 'string' || source.length === 0) throw new Error('not a string');
        return new RegExp(source, 'gu');
      } catch {
        throw badValue(scanner, `${field}[${i}].expressions[${j}]`, source, 'a valid regular expression');
      }
    });
    const score = group.score ?? 0.75;
    if (typeof score !== 'number' || score < 0 || score > 1) throw badValue(scanner, `${field}[${i}].score`, score, 'a number in [0, 1]');
    const context = group.context?.filter((w) => typeof w === 'string' && w.length > 0) ?? [];
    const contextRe = context.length > 0 ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${context.map(escapeRegExp).join('|')})(?:[^\\p{L}\\p{N}]|$)`, 'iu') : null;
    return { name: group.name.toUpperCase(), regexes, score, contextRe };
  });
  return {
    id: 'regex-patterns',
    entityTypes: compiled.map((c) => c.name),
    detect(text: string): PiiDetection[] {
      const out: PiiDetection[] = [];
      for (const c of compiled) {
        for (const re of c.regexes) {
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            const end = m.index + m[0].length;
            const boosted = c.contextRe !== null && hasContext(text, m.index, end, c.contextRe, 48);
            out.push({ entityType: c.name, start: m.index, end, score: boosted ? Math.min(1, c.score + 0.35) : c.score, reason: boosted ? 'context' : 'pattern', recognizer: 'regex-patterns' });
          }
        }
      }
      return out;
    },
  };
}
