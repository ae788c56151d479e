import type { Detection } from '../detection.js';

/** The three sentiment labels, in order of valence. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;

/** One of {@link SENTIMENT_LABELS}. */
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/**
 * Half-width of a symmetric neutral band on `compound` (|compound| below it ⇒ `neutral`), for callers that label
 * from `compound` themselves and for the `neutralBand` option (the value used when that option is not a finite
 * number). `label` itself defaults to the asymmetric {@link DEFAULT_NEGATIVE_THRESHOLD} and
 * {@link DEFAULT_POSITIVE_THRESHOLD}, which are better on tweets (see there).
 *
 * Chosen earlier by 3-way accuracy on dev sets, never on the SemEval-2017 test: TweetEval sentiment `val` and
 * SemEval-2016 test (pre-2017 pool).
 */
export const DEFAULT_NEUTRAL_BAND = 0.4;

/**
 * Default `negativeThreshold`: `compound <= this` (and `< 0`) ⇒ `negative`. At 0, any net negative valence makes a
 * text negative.
 *
 * Chosen on dev data only (the 49,570 distinct pre-2017 SemEval Task 4A tweets; never the 2017 test), together with
 * {@link DEFAULT_POSITIVE_THRESHOLD}, to maximise macro-averaged recall (SemEval's official measure). Macro-recall
 * does not depend on class priors, which differ a lot between corpora (16% negative tweets in the dev pool, 32% in
 * the 2017 test); tuning for accuracy would instead fit the dev priors, and so would a symmetric band, which
 * leaves too many negative texts neutral: negative tweets often carry only one mildly negative word.
 */
export const DEFAULT_NEGATIVE_THRESHOLD = 0;

/** Default `positiveThreshold`: `compound >= this` (and `> 0`) ⇒ `positive`. See {@link DEFAULT_NEGATIVE_THRESHOLD}. */
export const DEFAULT_POSITIVE_THRESHOLD = 0.25;

/** What {@link analyzeSentiment} returns. */
export interface SentimentAnalysis extends Detection {
  /**
   * VADER-style compound valence in [-1, 1]: the sum of the token valences (after negation, boosters,
   * but-clauses, caps and punctuation emphasis) squashed by `x / sqrt(x² + 15)`. 0 for text with no valence.
   */
  compound: number;
  /** Share of the positive valence mass, in [0, 1]; `positive + negative + neutral === 1` (up to rounding). */
  positive: number;
  /** Share of the negative valence mass, in [0, 1]. */
  negative: number;
  /** Share of tokens without valence, in [0, 1]; 1 for empty input or input with no valence. */
  neutral: number;
  /**
   * `negative` when `compound < 0` and `compound <= negativeThreshold`, `positive` when `compound > 0` and
   * `compound >= positiveThreshold`, else `neutral` (see {@link SentimentOptions}).
   */
  label: SentimentLabel;
}

/** Options of {@link analyzeSentiment}: where `label` puts its cuts on the `compound` scale. */
export interface SentimentOptions {
  /**
   * `compound <= negativeThreshold` (and `< 0`) ⇒ `negative`. Default {@link DEFAULT_NEGATIVE_THRESHOLD} (0).
   * Clamped to [-1, 0]; a value that is not a finite number means the default.
   */
  negativeThreshold?: number;
  /**
   * `compound >= positiveThreshold` (and `> 0`) ⇒ `positive`. Default {@link DEFAULT_POSITIVE_THRESHOLD} (0.25).
   * Clamped to [0, 1]; a value that is not a finite number means the default.
   */
  positiveThreshold?: number;
  /**
   * Symmetric band, kept for compatibility: when set, it replaces both thresholds with `-neutralBand` and
   * `neutralBand` (|compound| below it ⇒ `neutral`), whatever `negativeThreshold` / `positiveThreshold` say.
   * Clamped to [0, 1]; a value that is not a finite number means {@link DEFAULT_NEUTRAL_BAND} (0.4).
   */
  neutralBand?: number;
}
