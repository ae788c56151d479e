import type { SentimentClass } from '../eval/task.js';

/** The detectors `llm-shield eval` can run: ours and the peers it is compared with. */
export const DETECTOR_NAMES = ['llm-shield', 'vard', 'llm-guard-npm', 'vader', 'sentiment-npm'] as const;

/** One of {@link DETECTOR_NAMES}. */
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** True when `value` names a {@link DetectorName}. */
export function isDetectorName(value: string): value is DetectorName {
  return (DETECTOR_NAMES as readonly string[]).includes(value);
}

/** What every detector says about itself in reports. */
export interface DetectorInfo {
  /** The `--detector` name. */
  name: DetectorName;
  /** The package and version (or scanner) that answers, and how it is configured. */
  description: string;
  /** The decision threshold used, on the detector's own scale; `null` when it has none. */
  threshold: number | null;
}

/** A detector for a binary task (prompt injection, toxicity). */
export interface BinaryDetector extends DetectorInfo {
  readonly kind: 'binary';
  /** Classifies one text: `positive` is the verdict, `score` the detector's confidence in [0, 1] (higher = more positive) when it has one. */
  predict(text: string): Promise<{ positive: boolean; score: number | null }>;
}

/** A three-class sentiment detector. */
export interface SentimentDetector extends DetectorInfo {
  readonly kind: 'sentiment';
  /** Classifies one text; `score` is the detector's signed polarity when it has one. */
  predict(text: string): Promise<{ label: SentimentClass; score: number | null }>;
}

/** Either kind of detector. */
export type Detector = BinaryDetector | SentimentDetector;

/** Maps a signed polarity to a class: `>= band` positive, `<= -band` negative, else neutral (`band` 0: strict signs). */
export function polarityToClass(polarity: number, band: number): SentimentClass {
  if (band === 0) return polarity > 0 ? 'positive' : polarity < 0 ? 'negative' : 'neutral';
  if (polarity >= band) return 'positive';
  if (polarity <= -band) return 'negative';
  return 'neutral';
}
