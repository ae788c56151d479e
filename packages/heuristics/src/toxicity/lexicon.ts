import type { ToxicityCategory } from './categories.js';
import { DEHUMANIZING, IDENTITY_GROUPS, IDENTITY_SLURS, INSULT_TERMS, OBSCENE_TERMS, type LexiconEntry } from './lexicon-data.js';
import {
  collapseRuns,
  extraLeet,
  fitsMask,
  hasLetter,
  hasLongRun,
  isMasked,
  MAX_TOXIC_TOKEN_LENGTH,
  squeeze,
} from './obfuscation.js';

/** One lexicon term, compiled. */
export interface ToxicTerm {
  /** The matched form (or root) as written in the lexicon, without `*`. */
  form: string;
  /** Evidence for `toxic` and for each of `categories`. */
  weight: number;
  categories: readonly ToxicityCategory[];
  /** Evidence for `severe_toxic`. */
  severe: number;
  /** Rule id reported in findings: `lexicon.obscene`, `lexicon.insult` or `lexicon.slur`. */
  rule: string;
  /** The first form of the lexicon entry: forms of one entry ("pig", "pigs") count as repeats of each other. */
  key: string;
}

/** How a token was matched. */
export interface TermMatch {
  term: ToxicTerm;
  /** The de-obfuscated form that matched. */
  word: string;
  /** Which de-obfuscation was needed, if any: `leet`, `mask`, `elongation`. */
  obfuscation?: string;
}

const CATEGORY_LETTERS: Readonly<Record<string, ToxicityCategory>> = {
  o: 'obscene',
  i: 'insult',
  h: 'identity_hate',
  t: 'threat',
};

interface CompiledLexicon {
  exact: Map<string, ToxicTerm>;
  prefix: ToxicTerm[];
  contains: ToxicTerm[];
  /** Strong forms by length, for masked tokens ("f*ck"). */
  maskable: Map<number, ToxicTerm[]>;
  /** Strong forms by their squeezed spelling ("fuuck" → "fuck"), only where that spelling is no other word. */
  squeezed: Map<string, ToxicTerm>;
  groups: Set<string>;
  dehumanizing: Set<string>;
  /** First two letters of every exact form: spelled-out runs are only searched where a word can start. */
  starts: Set<string>;
}

let compiled: CompiledLexicon | undefined;

function compile(): CompiledLexicon {
  const lexicon: CompiledLexicon = {
    exact: new Map(),
    prefix: [],
    contains: [],
    maskable: new Map(),
    squeezed: new Map(),
    groups: new Set(IDENTITY_GROUPS.split('|')),
    dehumanizing: new Set(DEHUMANIZING.split('|')),
    starts: new Set(),
  };
  const add = (entries: readonly LexiconEntry[], rule: string) => {
    for (const [forms, weight, letters, severe = 0] of entries) {
      const categories = [...new Set([...letters].map((letter) => CATEGORY_LETTERS[letter]!))];
      const key = forms.split('|')[0]!.replaceAll('*', '');
      for (const raw of forms.split('|')) {
        const form = raw.replaceAll('*', '');
        const term: ToxicTerm = { form, weight, categories, severe, rule, key };
        if (raw.startsWith('*') && raw.endsWith('*')) lexicon.contains.push(term);
        else if (raw.endsWith('*')) lexicon.prefix.push(term);
        if (!lexicon.exact.has(form)) lexicon.exact.set(form, term);
        if (weight >= 0.6 && form.length >= 3 && /^\p{L}+$/u.test(form)) {
          const list = lexicon.maskable.get(form.length) ?? [];
          list.push(term);
          lexicon.maskable.set(form.length, list);
        }
      }
    }
  };
  add(IDENTITY_SLURS, 'lexicon.slur');
  add(OBSCENE_TERMS, 'lexicon.obscene');
  add(INSULT_TERMS, 'lexicon.insult');
  for (const [form, term] of lexicon.exact) {
    const squeezedForm = squeeze(form);
    // only forms without doubled letters: "fuuck" → "fuck", but "Bobby" must not become "booby"
    if (term.weight < 0.6 || squeezedForm.length < 4 || squeezedForm !== form) continue;
    if (!lexicon.squeezed.has(squeezedForm)) lexicon.squeezed.set(squeezedForm, term);
  }
  for (const form of lexicon.exact.keys()) lexicon.starts.add(form.slice(0, 2));
  // strongest first, so that an ambiguous mask ("s**t") resolves to the heavier word
  for (const list of lexicon.maskable.values()) list.sort((a, b) => b.weight - a.weight);
  return lexicon;
}

function lexicon(): CompiledLexicon {
  compiled ??= compile();
  return compiled;
}

/** Exact form, then prefix roots, then contained roots. */
function lookup(word: string): ToxicTerm | undefined {
  const { exact, prefix, contains } = lexicon();
  const hit = exact.get(word);
  if (hit !== undefined) return hit;
  if (word.length < 4) return undefined;
  for (const term of prefix) if (word.startsWith(term.form)) return term;
  for (const term of contains) if (word.includes(term.form)) return term;
  return undefined;
}

function lookupWithElongation(word: string): TermMatch | undefined {
  const direct = lookup(word);
  if (direct !== undefined) return { term: direct, word };
  if (hasLongRun(word)) {
    for (const keep of [2, 1] as const) {
      const collapsed = collapseRuns(word, keep);
      const term = lookup(collapsed);
      if (term !== undefined) return { term, word: collapsed, obfuscation: 'elongation' };
    }
  }
  if (word.length < 5) return undefined; // a squeezed form has 4+ letters and the token at least one repeat more
  const squeezed = lexicon().squeezed.get(squeeze(word));
  if (squeezed !== undefined) return { term: squeezed, word: squeezed.form, obfuscation: 'elongation' };
  return undefined;
}

/**
 * Resolves one token to a lexicon term, trying in turn: the folded form (apostrophes dropped), the leetspeak
 * form when the token mixes letters with digits or symbols ("sh1t", "a$$", "b!tch"), a masked form ("f*ck",
 * "f**k", "sh#t", "f-ck"; mask characters match one letter each, at least two real letters), and collapsed
 * elongation ("fuuuuck", "biiitch"). `undefined` when the token is no lexicon term.
 */
export function resolveToxicToken(folded: string, leet: string): TermMatch | undefined {
  if (folded.length === 0 || folded.length > MAX_TOXIC_TOKEN_LENGTH) return undefined;
  const plain = folded.replaceAll("'", '');
  if (/^[a-z]+$/u.test(plain)) return lookupWithElongation(plain);
  if (!hasLetter(folded)) return undefined;
  const leetForm = extraLeet(leet.replaceAll("'", ''));
  if (/^\p{L}+$/u.test(leetForm)) {
    const match = lookupWithElongation(leetForm);
    const kind = /^\p{L}+$/u.test(plain) ? 'unicode' : 'leet';
    return match === undefined ? undefined : { ...match, obfuscation: match.obfuscation ?? kind };
  }
  if (isMasked(leetForm)) {
    const letters = [...leetForm].filter((char) => /\p{L}/u.test(char)).length;
    const candidates = lexicon().maskable.get(leetForm.length) ?? [];
    for (const term of candidates) {
      if (letters < 2 && !(term.form === 'fuck' && leetForm[0] === 'f')) continue;
      if (fitsMask(leetForm, term.form)) return { term, word: term.form, obfuscation: 'mask' };
    }
    // masked and elongated, e.g. "f**kkk"
    if (hasLongRun(leetForm)) {
      const collapsed = collapseRuns(leetForm, 1);
      for (const term of lexicon().maskable.get(collapsed.length) ?? []) {
        if (letters >= 2 && fitsMask(collapsed, term.form)) return { term, word: term.form, obfuscation: 'mask' };
      }
    }
  }
  return undefined;
}

/**
 * Looks up a spelled-out letter sequence ("a s s h o l e", "f.u.c.k") as one word: exact forms and roots only
 * (no elongation), O(1) per call.
 */
export function resolveSpelled(letters: string, exactOnly = false): TermMatch | undefined {
  if (letters.length < 3 || letters.length > MAX_TOXIC_TOKEN_LENGTH) return undefined;
  const term = exactOnly ? lexicon().exact.get(letters) : lookup(letters);
  return term === undefined ? undefined : { term, word: letters, obfuscation: 'spacing' };
}

/**
 * False when no prefix or substring form of the lexicon can match `letters` or any prefix of it, so that
 * {@link resolveSpelled} of those prefixes needs only the exact table (`exactOnly`): a prefix form matching a shorter
 * window also starts the longer one, a contained form also lies in it. One scan of the forms per window instead of
 * one per window length (issue 11: spelled-letter runs cost a full lexicon scan per letter and length).
 */
export function mayMatchPartially(letters: string): boolean {
  if (letters.length < 4) return false;
  const { prefix, contains } = lexicon();
  return prefix.some((term) => letters.startsWith(term.form)) || contains.some((term) => letters.includes(term.form));
}

/** True when some lexicon form starts with these two letters (cheap gate before {@link resolveSpelled}). */
export function canStartWord(twoLetters: string): boolean {
  return lexicon().starts.has(twoLetters);
}

/** True for a word naming an identity group ("muslims", "women", "gay"). */
export function isIdentityGroup(word: string): boolean {
  return lexicon().groups.has(word);
}

/** True for a word that dehumanises or condemns ("vermin", "invaders", "deported"). */
export function isDehumanizing(word: string): boolean {
  return lexicon().dehumanizing.has(word);
}
