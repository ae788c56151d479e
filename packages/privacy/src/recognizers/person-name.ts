import { nameLexicon } from './name-lexicon.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const TOKEN = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'i', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'is', 'was', 'are',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'street', 'st', 'avenue', 'ave',
  'road', 'rd', 'lane', 'drive', 'inc', 'ltd', 'llc', 'corp', 'company', 'university', 'bank', 'hospital', 'school',
  'city', 'county', 'state', 'north', 'south', 'east', 'west', 'email', 'phone', 'call', 'thanks', 'thank', 'hi',
  'hello', 'dear', 'please', 'my', 'your', 'his', 'her', 'their', 'our', 'this', 'that', 'it', 'he', 'she', 'they',
  'we', 'you', 'me', 'us', 'them', 'but', 'if', 'so', 'as', 'be', 'not', 'no', 'yes', 'ok', 'okay', 'mr', 'mrs', 'ms',
  'dr', 'prof', 'sir',
]);
const STRONG_CONTEXT = /(?:\bname\s+is|\bname:|\bi\s+am|\bi'm|\bcalled|\bnamed|\bdear|\bsincerely,?|\bregards,?)\s+$/i;
const WEAK_CONTEXT = /(?:\bhi|\bhello|\bcontact|\bpatient|\bmeet|\bwith|\bby|\bfrom|\bthanks,?|\bask|\btell|\bemail|\bcall)\s+$/i;

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  cap: boolean;
}

function isCapitalised(word: string): boolean {
  const first = word[0] as string;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/**
 * Person names (`PERSON`) from rules and a lexicon (no model): a capitalised known first name
 * ({@link nameLexicon}) followed by up to three capitalised words (score 0.85; 0.9 when the last is a known last name),
 * a lone capitalised first name (0.6), a capitalised unknown word followed by a known last name (0.7), an honorific
 * (`Mr.`, `Dr`) followed by capitalised words (0.85), capitalised words after a context phrase (`my name is`,
 * `Dear`, `Regards,`) (0.85), and in lower-case text a known first name followed by a known last name (0.7).
 * Reason `lexicon` or `context`. Tokens are read once (linear). Misses: names outside the lexicon without context,
 * lower-case names without a known last name, single surnames; false positives on capitalised first names used
 * as words (e.g. `Hope`).
 */
export const personNameRecognizer: PiiRecognizer = {
  id: 'person-name',
  entityTypes: ['PERSON'],
  detect(text: string): PiiDetection[] {
    const { firstNames, lastNames, honorifics } = nameLexicon();
    const tokens: Token[] = [];
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
      let word = m[0];
      let last = word.charCodeAt(word.length - 1);
      while (word.length > 0 && (last === 39 || last === 0x2019 || last === 45)) {
        word = word.slice(0, -1);
        last = word.charCodeAt(word.length - 1);
      }
      if (word.length === 0) continue;
      let lower = word.toLowerCase();
      if (lower.length > 2 && lower.charCodeAt(lower.length - 1) === 115 && (lower.charCodeAt(lower.length - 2) === 39 || lower.charCodeAt(lower.length - 2) === 0x2019)) lower = lower.slice(0, -2);
      const first = word.charCodeAt(0);
      const cap = first < 128 ? first >= 65 && first <= 90 : isCapitalised(word);
      tokens.push({ start: m.index, end: m.index + word.length, text: word, lower, cap });
    }
    const out: PiiDetection[] = [];
    const adjacent = (a: Token, b: Token): boolean => {
      const gap = text.slice(a.end, b.start);
      return gap === ' ' || (gap === '. ' && (a.text.length === 1 || honorifics.has(a.lower)));
    };
    const nameLike = (t: Token): boolean => t.cap && !NOT_NAME_WORDS.has(t.lower) && (t.text.length === 1 || t.text !== t.text.toUpperCase());
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i] as Token;
      let startIdx = -1;
      let score = 0;
      let reason: PiiDetection['reason'] = 'lexicon';
      if (honorifics.has(t.lower) && t.cap && i + 1 < tokens.length && nameLike(tokens[i + 1] as Token) && adjacent(t, tokens[i + 1] as Token)) {
        startIdx = i + 1;
        score = 0.85;
        reason = 'context';
      } else if (nameLike(t) && (STRONG_CONTEXT.test(text.slice(Math.max(0, t.start - 16), t.start)) || ((firstNames.has(t.lower) || lastNames.has(t.lower)) && WEAK_CONTEXT.test(text.slice(Math.max(0, t.start - 12), t.start))))) {
        startIdx = i;
        score = 0.85;
        reason = 'context';
      } else if (t.cap && firstNames.has(t.lower) && !NOT_NAME_WORDS.has(t.lower)) {
        startIdx = i;
        score = 0.6;
      } else if (nameLike(t) && i + 1 < tokens.length) {
        const next = tokens[i + 1] as Token;
        if (next.cap && lastNames.has(next.lower) && adjacent(t, next) && !firstNames.has(next.lower)) {
          startIdx = i;
          score = 0.7;
        }
      } else if (!t.cap && firstNames.has(t.lower) && i + 1 < tokens.length) {
        const next = tokens[i + 1] as Token;
        if (!next.cap && lastNames.has(next.lower) && adjacent(t, next)) {
          out.push({ entityType: 'PERSON', start: t.start, end: next.end, score: 0.7, reason: 'lexicon', recognizer: 'person-name' });
          i += 2;
          continue;
        }
      }
      if (startIdx < 0) {
        i++;
        continue;
      }
      let endIdx = startIdx;
      while (endIdx + 1 < tokens.length && endIdx - startIdx < 3) {
        const next = tokens[endIdx + 1] as Token;
        if (!adjacent(tokens[endIdx] as Token, next) || !nameLike(next) || honorifics.has(next.lower)) break;
        endIdx++;
      }
      const first = tokens[startIdx] as Token;
      const last = tokens[endIdx] as Token;
      if (endIdx > startIdx && score < 0.85) score = 0.85;
      if (endIdx > startIdx && lastNames.has(last.lower)) score = Math.max(score, 0.9);
      out.push({ entityType: 'PERSON', start: first.start, end: last.end, score, reason, recognizer: 'person-name' });
      i = endIdx + 1;
    }
    return out;
  },
};
