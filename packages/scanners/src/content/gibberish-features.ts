/**
 * Character and word features of English-likeness, shared by the Gibberish scanner and its trainer
 * (tools/train/gibberish/train.mjs): the trainer counts the tables below on permissively licensed English prompts and
 * fits the logistic weights on these very features, so training and scanning cannot drift apart.
 */

/** Symbols of the character model: 26 letters, space, digit, punctuation, other. */
export const GIBBERISH_ALPHABET_SIZE = 30;
const SPACE = 26;
const DIGIT = 27;
const PUNCT = 28;
const OTHER = 29;

/** Classes of the word model: one per function word, then content word, unknown word, number, start/end. */
export const WORD_CLASS_EXTRA = ['<content>', '<unknown>', '<number>', '<edge>'] as const;

/** The tables and weights of a trained gibberish model (see gibberish-model.ts). */
export interface GibberishTables {
  /** log P(c3 | c1 c2) for every trigram of the character alphabet, index `(c1 * 30 + c2) * 30 + c3`. */
  charLogProb: Float32Array;
  /** The same, counted on English and 27 other Latin-script languages pooled: other languages score well here. */
  multilingualCharLogProb: Float32Array;
  /** Known English words (lower case), the most frequent of the training texts. */
  vocabulary: ReadonlySet<string>;
  /** Function words, each its own class in the word model, in class order. */
  functionWords: readonly string[];
  /** log P(class2 | class1), index `class1 * classes + class2`. */
  classLogProb: Float32Array;
}

/** Maps a UTF-16 code unit to the character model's alphabet (letters folded to lower case, accents not folded). */
export function charClass(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) return SPACE;
  if (code >= 0x30 && code <= 0x39) return DIGIT;
  if (code < 0x80) return PUNCT;
  return OTHER;
}

const URLISH = /\b(?:https?:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+(?:\.[\w-]+)+\/\S*|(?:^|\s)(?:\/|~\/|\.\/)[\w./-]+/g;

/** Text with URLs, e-mail addresses and file paths replaced by a space: they are not language. */
export function stripNonLanguage(text: string): string {
  return text.replace(URLISH, ' ');
}

/** Words of a text: runs of ASCII letters and apostrophes, lower case; numbers as `<number>`. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*/g) ?? []).map((w) => (w.charCodeAt(0) <= 0x39 ? '<number>' : w));
}

/** The features the logistic model reads, each roughly in [-1, 1] or [0, 1]. */
export interface GibberishFeatureVector {
  /** Mean character log-probability per trigram over the ASCII part of the text, divided by 10. */
  charLogProb: number;
  /** Mean character log-probability under the pooled multilingual model, divided by 10. */
  multilingualCharLogProb: number;
  /** Lowest mean character log-probability of a word (words of ≥ 4 letters), divided by 10. */
  worstWordLogProb: number;
  /** Share of words (≥ 2 letters) found in the vocabulary. */
  knownWords: number;
  /** Share of words that are function words. */
  functionWords: number;
  /** Mean word-class log-probability per transition, divided by 10. */
  classLogProb: number;
  /** Share of characters that are letters (ASCII) among non-space characters. */
  letterShare: number;
  /** 1 / (1 + words): few words give weak evidence. */
  shortness: number;
  /** Number of ASCII letters, to tell whether the text is long enough to judge. */
  letters: number;
}

/** Names of the features in the order of the model's weights. */
export const GIBBERISH_FEATURE_NAMES = ['charLogProb', 'multilingualCharLogProb', 'worstWordLogProb', 'knownWords', 'functionWords', 'classLogProb', 'letterShare', 'shortness'] as const;

/**
 * Computes the features of `text` (after {@link stripNonLanguage}) with `tables`. Linear in the text's length;
 * never throws.
 */
export function gibberishFeatures(text: string, tables: GibberishTables): GibberishFeatureVector {
  const clean = stripNonLanguage(text);
  const A = GIBBERISH_ALPHABET_SIZE;
  let c1 = SPACE;
  let c2 = SPACE;
  let sum = 0;
  let multiSum = 0;
  let count = 0;
  let letters = 0;
  let nonSpace = 0;
  let wordSum = 0;
  let wordCount = 0;
  let wordLetters = 0;
  let worst = 0;
  for (let i = 0; i < clean.length; i++) {
    const c3 = charClass(clean.charCodeAt(i));
    if (c3 !== SPACE) nonSpace++;
    if (c3 < 26) letters++;
    if (c3 === OTHER || (c3 === SPACE && c2 === SPACE)) {
      if (c3 === OTHER) {
        c1 = SPACE;
        c2 = SPACE;
      }
      continue;
    }
    const index = (c1 * A + c2) * A + c3;
    const lp = tables.charLogProb[index] ?? -10;
    if (c1 < 26 || c2 < 26 || c3 < 26) {
      sum += lp;
      multiSum += tables.multilingualCharLogProb[index] ?? -10;
      count++;
    }
    if (c3 < 26 || (c3 === SPACE && c2 < 26)) {
      wordSum += lp;
      wordCount++;
      if (c3 < 26) wordLetters++;
    }
    if (c3 >= 26) {
      if (wordLetters >= 4 && wordCount > 0) worst = Math.min(worst, wordSum / wordCount);
      wordSum = 0;
      wordCount = 0;
      wordLetters = 0;
    }
    c1 = c2;
    c2 = c3;
  }
  if (wordLetters >= 4 && wordCount > 0) worst = Math.min(worst, wordSum / wordCount);

  const tokens = words(clean);
  const classes = tables.functionWords.length + WORD_CLASS_EXTRA.length;
  const functionIndex = new Map(tables.functionWords.map((w, i) => [w, i]));
  const EDGE = classes - 1;
  let known = 0;
  let candidates = 0;
  let functionCount = 0;
  let previous = EDGE;
  let classSum = 0;
  for (const token of tokens) {
    let cls: number;
    if (token === '<number>') cls = classes - 2;
    else {
      const f = functionIndex.get(token);
      if (token.length >= 2) {
        candidates++;
        if (f !== undefined || tables.vocabulary.has(token)) known++;
      }
      if (f !== undefined) {
        cls = f;
        functionCount++;
      } else cls = tables.vocabulary.has(token) ? classes - 4 : classes - 3;
    }
    classSum += tables.classLogProb[previous * classes + cls] ?? -10;
    previous = cls;
  }
  classSum += tables.classLogProb[previous * classes + EDGE] ?? -10;
  return {
    charLogProb: count > 0 ? sum / count / 10 : 0,
    multilingualCharLogProb: count > 0 ? multiSum / count / 10 : 0,
    worstWordLogProb: worst / 10,
    knownWords: candidates > 0 ? known / candidates : 1,
    functionWords: tokens.length > 0 ? functionCount / tokens.length : 0,
    classLogProb: classSum / (tokens.length + 1) / 10,
    letterShare: nonSpace > 0 ? letters / nonSpace : 0,
    shortness: 1 / (1 + tokens.length),
    letters,
  };
}

/** The logistic model over {@link GIBBERISH_FEATURE_NAMES}: P(gibberish) = σ(bias + Σ wᵢ xᵢ). */
export function gibberishProbability(features: GibberishFeatureVector, weights: readonly number[], bias: number): number {
  let z = bias;
  GIBBERISH_FEATURE_NAMES.forEach((name, i) => {
    z += (weights[i] ?? 0) * features[name];
  });
  return 1 / (1 + Math.exp(-z));
}

/** Decodes a base64 string of quantised log-probabilities (one byte each, `-byte / scale`) into floats. */
export function decodeLogProbs(base64: string, scale: number): Float32Array {
  const binary = atob(base64);
  const out = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = -binary.charCodeAt(i) / scale;
  return out;
}
