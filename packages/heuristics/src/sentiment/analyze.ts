import type { Finding, TextSpan } from '@llm-shield/core';
import {
  DEFAULT_NEGATIVE_THRESHOLD,
  DEFAULT_NEUTRAL_BAND,
  DEFAULT_POSITIVE_THRESHOLD,
  type SentimentAnalysis,
  type SentimentLabel,
  type SentimentOptions,
} from './labels.js';
import { nonSentimentUse } from './ambiguity.js';
import { sentimentLexicon, tokenValence } from './lexicon.js';
import {
  BOOST_INCREMENT,
  BOOSTER_BIGRAMS,
  BOOSTERS,
  BUT_AFTER_WEIGHT,
  BUT_BEFORE_WEIGHT,
  CAPS_INCREMENT,
  CONDITIONAL_BOOSTERS,
  CONTRASTIVE,
  NEGATION_SCALAR,
  NEGATIONS,
  NEGATIVE_VALENCE_WEIGHT,
  NORMALIZATION_ALPHA,
  POSITIVE_VALENCE_WEIGHT,
  QUESTION_VALENCE_WEIGHT,
  SPECIAL_PHRASES,
} from './modifiers.js';
import { tokenizeForSentiment, type SentimentToken } from './tokenize.js';

/** Rule ids reported in findings, as bits of {@link Valenced.rules}. */
const RULES = ['lexicon', 'emoji', 'emoticon', 'phrase', 'elongation', 'negation', 'caps', 'booster', 'dampener', 'but'] as const;
type Rule = (typeof RULES)[number];
const bit = (rule: Rule) => 1 << RULES.indexOf(rule);

/** At most this many spans per finding (a 10 MB text would otherwise list millions). */
export const MAX_SENTIMENT_SPANS = 256;

/** What happened to one valenced unit (a token, or a phrase ending at that token). */
interface Valenced {
  start: number;
  end: number;
  valence: number;
  /** Bit set of {@link RULES}. */
  rules: number;
}

/** A small mutable bit set of rules. */
class RuleSet {
  bits = 0;
  add(rule: Rule): void {
    this.bits |= bit(rule);
  }
}

const EXCLAMATION_WEIGHT = 0.292;
const MAX_EXCLAMATIONS = 4;
const QUESTION_WEIGHT = 0.18;
const MAX_QUESTION_BOOST = 0.96;

function isNegation(word: string): boolean {
  return NEGATIONS.has(word) || word.includes("n't");
}

/** Collapses runs of three or more equal letters to two, then to one ("goooood" → "good"); `undefined` if none. */
function elongatedLookup(word: string): { word: string; valence: number } | undefined {
  if (!/(.)\1\1/u.test(word)) return undefined;
  const two = word.replace(/(.)\1{2,}/gu, '$1$1');
  const twoValence = tokenValence(two);
  if (twoValence !== undefined) return { word: two, valence: twoValence };
  const one = word.replace(/(.)\1+/gu, '$1');
  const oneValence = tokenValence(one);
  return oneValence === undefined ? undefined : { word: one, valence: oneValence };
}

/** Finds special phrases ("yeah right", "kiss of death"): maps the index of a phrase's last token to its start. */
const PHRASE_FIRST_WORDS: ReadonlySet<string> = new Set([...SPECIAL_PHRASES.keys()].map((phrase) => phrase.split(' ')[0]!));

function findPhrases(words: readonly string[]): Map<number, { start: number; valence: number }> {
  const phrases = new Map<number, { start: number; valence: number }>();
  for (let i = 0; i < words.length; i++) {
    if (!PHRASE_FIRST_WORDS.has(words[i]!)) continue;
    for (const length of [3, 2]) {
      if (i + length > words.length) continue;
      const valence = SPECIAL_PHRASES.get(words.slice(i, i + length).join(' '));
      if (valence !== undefined) {
        phrases.set(i + length - 1, { start: i, valence });
        i += length - 1;
        break;
      }
    }
  }
  return phrases;
}

function boosterScalar(token: SentimentToken, valence: number, capsDiffer: boolean): number {
  const boost = BOOSTERS.get(token.word) ?? CONDITIONAL_BOOSTERS.get(token.word);
  if (boost === undefined) return 0;
  let scalar = valence < 0 ? -boost : boost;
  if (token.upper && capsDiffer) scalar += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
  return scalar;
}

function squash(sum: number): number {
  const value = sum / Math.sqrt(sum * sum + NORMALIZATION_ALPHA);
  return Math.max(-1, Math.min(1, value));
}

function punctuationEmphasis(text: string): number {
  let exclamations = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x21 || code === 0xff01) exclamations++;
    else if (code === 0x3f || code === 0xff1f) questions++;
  }
  const exclamation = Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_WEIGHT;
  const question = questions > 1 ? (questions <= 3 ? questions * QUESTION_WEIGHT : MAX_QUESTION_BOOST) : 0;
  return exclamation + question;
}

/**
 * True when the text's last sentence is a question: a `?` among the non-alphanumeric characters at its end
 * ("ready for tonight?", "who cares?? :)"). Walks back from the end once, so it is linear.
 */
function endsWithQuestion(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x3f || code === 0xff1f) return true;
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return false;
    if (code >= 0x80 && /[\p{L}\p{N}]/u.test(text[i]!)) return false;
  }
  return false;
}

/** Clamps a threshold option to [min, max]; `fallback` when it is not a finite number. */
function threshold(value: number | undefined, fallback: number, min: number, max: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(min, Math.min(max, value)) : fallback;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Rule-based, VADER-class sentiment of `text`.
 *
 * Each token is looked up in the VADER lexicon (7.5k words, slang and emoticons), a few hand-written tweet entries
 * ("fml", "-_-") and an emoji table; its valence is then adjusted by the rules of VADER: boosters and dampeners in the three tokens before it ("very", "slightly";
 * less weight further away), negation in those three tokens ("not good" flips and damps the valence, × -0.74; the
 * scope stops at `.`, `!`, `?`, `;`), "no" before a word, "least", ALL-CAPS emphasis when the rest of the text is
 * not in caps, special phrases ("yeah right", "the shit"), elongation ("goooood"), and a contrastive "but" or
 * "however" (valence before it × 0.5, after it × 1.5). Emoji and emoticons are never negated ("won't be there :(").
 * Tweet-style input is handled too: @mentions and links carry no valence, repeated emoticon mouths are folded
 * (":((((") and split from a word they are glued to, a @mention before a Title-case word starts a sentence
 * ("@ann Happy Friday" is no name), and a few idioms are phrases ("can't wait", "looking forward", "no idea").
 * Beyond VADER, negative valence is weighted × 1.5 and positive valence × 0.7 (a negativity bias; see
 * {@link NEGATIVE_VALENCE_WEIGHT}), and all valence is halved when the text ends in a question. The sum, plus
 * emphasis from up to four `!` and from `?`, is squashed into `compound` in [-1, 1].
 *
 * `score` is the **negativity** `(1 - compound) / 2` in [0, 1], so that a scanner flags negative text with
 * `score > threshold`: llm-guard's Sentiment scanner flags `compound < t` (t = 0 by default in its -1..1 scale),
 * which is `score > (1 - t) / 2`, i.e. `score > 0.5` for the default. Text with no valence scores exactly 0.5.
 *
 * Findings: one for `negative` and one for `positive` (when any token carried that polarity), with the spans of
 * the tokens (or phrases) that carried it and the rules that shaped it; their scores are `score` and
 * `(1 + compound) / 2`; at most {@link MAX_SENTIMENT_SPANS} spans each. Never throws; linear in the length of the
 * input.
 *
 * `label` is `negative` when `compound < 0` and `compound <= negativeThreshold` (default
 * {@link DEFAULT_NEGATIVE_THRESHOLD}, 0), `positive` when `compound > 0` and `compound >= positiveThreshold`
 * (default {@link DEFAULT_POSITIVE_THRESHOLD}, 0.25), else `neutral`; `neutralBand` sets both to `∓neutralBand`.
 *
 * @param text Any string (empty, huge, with lone surrogates or control characters).
 * @param options `negativeThreshold`, `positiveThreshold`, or the symmetric `neutralBand` (see {@link SentimentOptions}).
 */
export function analyzeSentiment(text: string, options: SentimentOptions = {}): SentimentAnalysis {
  let negativeThreshold = threshold(options.negativeThreshold, DEFAULT_NEGATIVE_THRESHOLD, -1, 0);
  let positiveThreshold = threshold(options.positiveThreshold, DEFAULT_POSITIVE_THRESHOLD, 0, 1);
  if (options.neutralBand !== undefined) {
    const band = threshold(options.neutralBand, DEFAULT_NEUTRAL_BAND, 0, 1);
    negativeThreshold = -band;
    positiveThreshold = band;
  }
  const tokens = tokenizeForSentiment(typeof text === 'string' ? text : '');
  const lexicon = sentimentLexicon();
  const words = tokens.map((token) => token.word);
  const upperCount = tokens.reduce((count, token) => count + (token.upper ? 1 : 0), 0);
  const capsDiffer = upperCount > 0 && upperCount < tokens.length;
  const phrases = findPhrases(words);
  const inPhrase = new Set<number>();
  for (const [last, { start }] of phrases) for (let k = start; k < last; k++) inPhrase.add(k);

  const valences: number[] = new Array<number>(tokens.length).fill(0);
  const units: (Valenced | undefined)[] = new Array<Valenced | undefined>(tokens.length).fill(undefined);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = token.word;
    if (word === '' || inPhrase.has(i)) continue;
    if (BOOSTERS.has(word)) continue;
    // "pretty upset": an adverb before a valenced word, not a valenced word itself
    const following = tokens[i + 1];
    const adverb =
      CONDITIONAL_BOOSTERS.has(word) && following !== undefined && !token.endsClause && tokenValence(following.word) !== undefined;
    if (adverb) continue;
    if (word === 'kind' && words[i + 1] === 'of') continue;
    const rules = new RuleSet();
    const phrase = phrases.get(i);
    let first = i;
    let base: number | undefined;
    if (phrase !== undefined) {
      base = phrase.valence;
      first = phrase.start;
      rules.add('phrase');
    } else {
      base = tokenValence(word);
      if (base === undefined) {
        const elongated = elongatedLookup(word);
        if (elongated !== undefined) {
          base = elongated.valence + (elongated.valence > 0 ? BOOST_INCREMENT : -BOOST_INCREMENT);
          rules.add('elongation');
        }
      }
      if (base !== undefined) rules.add(token.emoji ? 'emoji' : /\p{L}/u.test(word) ? 'lexicon' : 'emoticon');
    }
    if (base === undefined || base === 0) continue;
    if (phrase === undefined && !token.emoji && nonSentimentUse(tokens, i) !== undefined) continue;
    // "no" directly before another valenced word negates it instead of counting on its own.
    if (word === 'no' && i + 1 < words.length && tokenValence(words[i + 1]!) !== undefined) continue;

    let valence = base;
    // Window of up to three tokens before the unit, not crossing a clause end.
    const window: number[] = [];
    for (let k = first - 1; k >= 0 && window.length < 3; k--) {
      if (tokens[k]!.endsClause) break;
      window.push(k);
    }
    const before = (distance: number) => {
      const index = window[distance - 1];
      return index === undefined ? undefined : words[index];
    };
    // Emoji and emoticons state the writer's mood: "won't be there :(" is sad, not negated.
    const pictorial = phrase === undefined && (token.emoji || !/\p{L}/u.test(word));
    if (pictorial) window.length = 0;
    if (before(1) === 'no' || before(2) === 'no' || (before(3) === 'no' && (before(1) === 'or' || before(1) === 'nor'))) {
      valence *= NEGATION_SCALAR;
      rules.add('negation');
    }
    if (token.upper && capsDiffer && /\p{L}/u.test(word)) {
      valence += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
      rules.add('caps');
    }
    for (let distance = 1; distance <= window.length; distance++) {
      const index = window[distance - 1]!;
      const previous = tokens[index]!;
      if (lexicon.has(previous.word) && !CONDITIONAL_BOOSTERS.has(previous.word)) continue;
      let scalar = boosterScalar(previous, valence, capsDiffer);
      if (scalar !== 0) {
        scalar *= distance === 1 ? 1 : distance === 2 ? 0.95 : 0.9;
        valence += scalar;
        rules.add(scalar * valence > 0 ? 'booster' : 'dampener');
      }
      if (distance === 2 && before(2) === 'never' && (before(1) === 'so' || before(1) === 'this')) {
        valence *= 1.25;
      } else if (distance >= 2 && before(distance) === 'without' && before(distance - 1) === 'doubt') {
        // "without doubt" affirms
      } else if (isNegation(previous.word)) {
        valence *= NEGATION_SCALAR;
        rules.add('negation');
      }
    }
    const bigram = window.length >= 2 ? `${before(2)} ${before(1)}` : '';
    const dampener = BOOSTER_BIGRAMS.get(bigram);
    if (dampener !== undefined) {
      valence += valence < 0 ? -dampener : dampener;
      rules.add('dampener');
    }
    if (before(1) === 'least' && before(2) !== 'at' && before(2) !== 'very') {
      valence *= NEGATION_SCALAR;
      rules.add('negation');
    }
    valences[i] = valence;
    units[i] = { start: tokens[first]!.start, end: token.end, valence, rules: rules.bits };
  }

  // Contrastive conjunction: the first "but"/"however" splits the text.
  const pivot = words.findIndex((word) => CONTRASTIVE.has(word));
  if (pivot >= 0) {
    for (let i = 0; i < valences.length; i++) {
      if (valences[i] === 0 || i === pivot) continue;
      const weight = i < pivot ? BUT_BEFORE_WEIGHT : BUT_AFTER_WEIGHT;
      valences[i] = valences[i]! * weight;
      const unit = units[i]!;
      unit.valence = valences[i]!;
      unit.rules |= bit('but');
    }
  }

  // Negativity bias, and questions ask rather than judge ("Who is ready for tonight?").
  const question = endsWithQuestion(text);
  const questionWeight = question ? QUESTION_VALENCE_WEIGHT : 1;
  for (let i = 0; i < valences.length; i++) {
    const valence = valences[i]!;
    if (valence === 0) continue;
    valences[i] = valence * (valence < 0 ? NEGATIVE_VALENCE_WEIGHT : POSITIVE_VALENCE_WEIGHT) * questionWeight;
    units[i]!.valence = valences[i]!;
  }
  let sum = 0;
  let positiveSum = 0;
  let negativeSum = 0;
  let neutralCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const valence = valences[i]!;
    sum += valence;
    if (valence > 0) positiveSum += valence + 1;
    else if (valence < 0) negativeSum += valence - 1;
    else if (!inPhrase.has(i)) neutralCount++;
  }
  const emphasis = sum === 0 ? 0 : punctuationEmphasis(text);
  const compound = sum === 0 ? 0 : squash(sum > 0 ? sum + emphasis : sum - emphasis);
  if (positiveSum > -negativeSum) positiveSum += emphasis;
  else if (positiveSum < -negativeSum) negativeSum -= emphasis;
  const total = positiveSum - negativeSum + neutralCount;
  const positive = total > 0 ? positiveSum / total : 0;
  const negative = total > 0 ? -negativeSum / total : 0;
  const neutral = total > 0 ? 1 - positive - negative : 1;

  const label: SentimentLabel =
    compound > 0 && compound >= positiveThreshold
      ? 'positive'
      : compound < 0 && compound <= negativeThreshold
        ? 'negative'
        : 'neutral';
  const score = (1 - compound) / 2;
  const findings = buildFindings(units, text, score, (1 + compound) / 2, emphasis, question && sum !== 0);
  return {
    score,
    findings,
    compound: round(compound),
    positive: round(positive),
    negative: round(negative),
    neutral: round(Math.max(0, neutral)),
    label,
  };
}

function buildFindings(
  units: readonly (Valenced | undefined)[],
  text: string,
  negativeScore: number,
  positiveScore: number,
  emphasis: number,
  question: boolean,
): Finding[] {
  const groups: Record<'negative' | 'positive', { spans: TextSpan[]; rules: number }> = {
    negative: { spans: [], rules: 0 },
    positive: { spans: [], rules: 0 },
  };
  for (const unit of units) {
    if (unit === undefined || unit.valence === 0) continue;
    const group = groups[unit.valence < 0 ? 'negative' : 'positive'];
    if (group.spans.length < MAX_SENTIMENT_SPANS) {
      group.spans.push({ start: unit.start, end: unit.end, text: text.slice(unit.start, unit.end) });
    }
    group.rules |= unit.rules;
  }
  const findings: Finding[] = [];
  for (const category of ['negative', 'positive'] as const) {
    const group = groups[category];
    if (group.spans.length === 0) continue;
    const rules: string[] = RULES.filter((rule) => (group.rules & bit(rule)) !== 0);
    if (emphasis > 0) rules.push('punctuation');
    if (question) rules.push('question');
    findings.push({
      category,
      score: category === 'negative' ? negativeScore : positiveScore,
      rules: rules.sort(),
      spans: group.spans,
    });
  }
  return findings.sort((a, b) => b.score - a.score);
}
