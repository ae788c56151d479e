/**
 * The toxicity categories, as in the Jigsaw Toxic Comment Classification labels: `toxic` is the overall score,
 * the others are kinds of toxicity.
 */
export const TOXICITY_CATEGORIES = ['toxic', 'severe_toxic', 'obscene', 'threat', 'insult', 'identity_hate'] as const;

/** One of {@link TOXICITY_CATEGORIES}. */
export type ToxicityCategory = (typeof TOXICITY_CATEGORIES)[number];

/** Options of {@link detectToxicity}. */
export interface ToxicityOptions {
  /**
   * Categories to score and report. Default: all of {@link TOXICITY_CATEGORIES}. The detection score is the
   * highest score among these, so `['threat']` makes a detector of threats only.
   */
  categories?: readonly ToxicityCategory[];
}

/**
 * Default threshold of the toxicity score: a text with `score > 0.5` is toxic. The lexicon weights were set so
 * that 0.5 is the F1-optimal operating point on the Jigsaw train pools (one strong profanity, slur, threat or
 * directed insult is enough; mild words such as "damn", "crap", "stupid" need company).
 */
export const DEFAULT_TOXICITY_THRESHOLD = 0.5;
