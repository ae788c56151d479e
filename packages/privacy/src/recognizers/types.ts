/** Why a recogniser reported a span: a plain pattern, a validated checksum, words around it, a lexicon or a library. */
export type DetectionReason = 'pattern' | 'checksum' | 'context' | 'lexicon' | 'library' | 'deny-list';

/** One entity a recogniser found, with offsets into the text it was given (UTF-16 code units, end exclusive). */
export interface PiiDetection {
  /** Entity type in llm-guard / Presidio naming, e.g. `EMAIL_ADDRESS`, `CREDIT_CARD`. */
  entityType: string;
  /** Inclusive start offset. */
  start: number;
  /** Exclusive end offset. */
  end: number;
  /** Confidence in [0, 1]. */
  score: number;
  /** Why it was reported. */
  reason: DetectionReason;
  /** Id of the recogniser that reported it, e.g. `email`. */
  recognizer: string;
}

/** A PII recogniser: linear in the length of its input, never throws for a string. */
export interface PiiRecognizer {
  /** Recogniser id, e.g. `credit-card`. */
  readonly id: string;
  /** Entity types it may report. */
  readonly entityTypes: readonly string[];
  /** Finds entities in `text` (already normalised for detection). */
  detect(text: string): PiiDetection[];
}
