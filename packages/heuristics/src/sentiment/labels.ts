import type { Detection } from '../detection.js';

/** The three sentiment labels, in order of valence. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;

/** One of {@link SENTIMENT_LABELS}. */
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/**
 * Default half-width of the neutral band: a text whose |compound| is below this is labelled `neutral`.
 *
 * Chosen by measurement on dev sets, never on the SemEval-2017 test: TweetEval sentiment `val` (2,000 tweets) and
 * SemEval-2016 test (20,632 tweets, pre-2017 pool). 3-way accuracy peaks at 0.4 on the first (0.627) and is within
 * 0.3 points of its peak there on the second (0.608); VADER's own 0.05 is 4-7 points worse on tweets, where many
 * neutral texts mention a mildly valenced word.
 */
export const DEFAULT_NEUTRAL_BAND = 0.4;

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
  /** `negative` when `compound <= -neutralBand`, `positive` when `compound >= neutralBand`, else `neutral`. */
  label: SentimentLabel;
}

/** Options of {@link analyzeSentiment}. */
export interface SentimentOptions {
  /**
   * |compound| below this ⇒ `neutral`. Default {@link DEFAULT_NEUTRAL_BAND} (0.4). Values are clamped to [0, 1].
   */
  neutralBand?: number;
}
