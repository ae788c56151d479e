import type { Finding } from '@llm-shield/core';

/** What a rule-based detector returns: an overall score and what fired. */
export interface Detection {
  /** Overall score in [0, 1]; higher means more of what the detector looks for. */
  score: number;
  /** One finding per category that fired, strongest first; spans are UTF-16 offsets of the input text. */
  findings: Finding[];
}
