import type { PiiDetection, PiiRecognizer } from './types.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LATIN_EDGE = /[\p{Script=Latin}\p{N}_]/u;

/**
 * A deny-list recogniser (llm-guard's `hidden_names`): every occurrence of a listed name, case-insensitive, is
 * reported as `entityType` (default `CUSTOM`, score 1.0, reason `deny-list`). Names that begin or end with a
 * Latin letter or digit must stand as whole words there; names in scripts without spaces (Chinese, Japanese) match
 * anywhere, as in llm-guard (`北京` in `北京市`). Longest names are tried first.
 */
export function createDenyListRecognizer(names: readonly string[], entityType = 'CUSTOM'): PiiRecognizer {
  const cleaned = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  const alternatives = cleaned.map((n) => {
    const first = n[0] as string;
    const last = n[n.length - 1] as string;
    return `${LATIN_EDGE.test(first) ? '(?<![\\p{L}\\p{N}_])' : ''}${escapeRegExp(n)}${LATIN_EDGE.test(last) ? '(?![\\p{L}\\p{N}_])' : ''}`;
  });
  const re = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'giu') : null;
  return {
    id: 'deny-list',
    entityTypes: [entityType],
    detect(text: string): PiiDetection[] {
      if (!re) return [];
      const out: PiiDetection[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push({ entityType, start: m.index, end: m.index + m[0].length, score: 1, reason: 'deny-list', recognizer: 'deny-list' });
      }
      return out;
    },
  };
}
