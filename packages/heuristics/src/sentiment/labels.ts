import type { Detection } from '../detection.js';

/** The three sentiment labels, in order of valence. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;

/** One of {@link SENTIMENT_LABELS}. */
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/**
 * Default half-width of the neutral band: a text whose |compound| is below this is labelled `neutral`.
 *
 * Chosen by measurement on a dev set (TweetEval sentiment `val`, 2,000 tweets, never the SemEval-2017 test): 3-way
 * accuracy peaks at 0.45-0.5 there (0.05, VADER's own default, is about 8 points worse on tweets, where half the
 * texts are neutral but mention a mildly valenced word).
 */
export const DEFAULT_NEUTRAL_BAND = 0.5;

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
   * |compound| below this ⇒ `neutral`. Default {@link DEFAULT_NEUTRAL_BAND} (0.5). Values are clamped to [0, 1].
   */
  neutralBand?: number;
}
