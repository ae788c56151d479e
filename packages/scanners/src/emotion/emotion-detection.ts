import { InvalidConfigError } from '@llm-shield/core';
import { analyzeSentiment } from '@llm-shield/heuristics';
import { ClassifierEngine } from '../classifier-scanner.js';
import { EngineInputScanner, EngineOutputScanner } from '../engine-scanner.js';
import { assertKnownKeys, CLASSIFIER_CONFIG_KEYS, resolveClassifierConfig, type ClassifierScannerConfig, type ResolvedClassifierConfig } from '../scanner-config.js';
import { bindEmotionLabels, DEFAULT_BLOCKED_EMOTIONS, EMOTION_LABELS, type EmotionLabel } from './emotion-labels.js';

/** llm-guard's default threshold of EmotionDetection (a blocked emotion above it makes the text invalid). */
export const EMOTION_MODEL_THRESHOLD = 0.5;
/**
 * Default threshold of the rule-based proxy (`heuristic` mode, fallback, hybrid below the gate): negativity 0.65 of
 * the sentiment lexicon, i.e. compound −0.3 (the Sentiment scanner's default).
 */
export const EMOTION_HEURISTIC_THRESHOLD = 0.65;
/** Default `hybridGate`: negativity 0.5 (compound ≤ 0), or any negative word, asks the model. */
export const EMOTION_HYBRID_GATE = 0.5;

/** Options of {@link EmotionDetection} and {@link OutputEmotionDetection}. */
export interface EmotionDetectionConfig extends ClassifierScannerConfig {
  /**
   * A text is invalid when one of these emotions scores above `threshold` (default
   * {@link DEFAULT_BLOCKED_EMOTIONS}, llm-guard's eleven negative emotions). Any of {@link EMOTION_LABELS} except
   * `neutral`, which is never counted (as llm-guard).
   */
  blockedEmotions?: readonly EmotionLabel[];
  /**
   * Threshold on the blocked emotions' probabilities (default: the model's own calibrated threshold from its
   * `config.json` when it has one, else {@link EMOTION_MODEL_THRESHOLD}, 0.5 as llm-guard).
   */
  threshold?: number;
  /**
   * Report every emotion the model scores as a finding (category = the emotion, score = its probability), not only
   * the blocked ones: llm-guard's `return_full_output` (default `false`).
   */
  returnEmotions?: boolean;
  /**
   * `ml` (default with a model): the model decides. There is no rule-based emotion detector; `heuristic` (default
   * without a model), `hybrid` (the rules gate the model) and `onModelFailure: 'fallback'` use a proxy: the
   * sentiment lexicon's negativity (`(1 − compound) / 2`, threshold {@link EMOTION_HEURISTIC_THRESHOLD}), which
   * stands for the negative emotions only, so with a `blockedEmotions` list that names any other emotion they are
   * refused with `InvalidConfigError`.
   */
  mode?: ClassifierScannerConfig['mode'];
  /** What to do when the model cannot answer (default `block`: a failed-closed, invalid result). */
  onModelFailure?: ClassifierScannerConfig['onModelFailure'];
  /**
   * How text longer than the model's window is read (default `chunks`: every token is scored, the worst part decides;
   * llm-guard reads the full text, truncated, or sentence by sentence with `match_type: sentence`).
   */
  longInput?: ClassifierScannerConfig['longInput'];
}

type ResolvedEmotionConfig = Readonly<ResolvedClassifierConfig & { blockedEmotions: readonly EmotionLabel[]; returnEmotions: boolean }>;

const KEYS = [...CLASSIFIER_CONFIG_KEYS, 'blockedEmotions', 'returnEmotions'] as const;

function refuse(name: string, field: string, value: unknown, message: string): never {
  throw new InvalidConfigError(`${name}: ${message}`, { details: { scanner: name, field, value } });
}

function resolveEmotionConfig(name: string, config: EmotionDetectionConfig): ResolvedEmotionConfig {
  assertKnownKeys(name, config, KEYS);
  const blocked = config.blockedEmotions ?? DEFAULT_BLOCKED_EMOTIONS;
  if (!Array.isArray(blocked) || blocked.length === 0) {
    refuse(name, 'blockedEmotions', blocked, `blockedEmotions must be a non-empty array of ${EMOTION_LABELS.filter((label) => label !== 'neutral').join(', ')}.`);
  }
  for (const emotion of blocked as readonly unknown[]) {
    if (typeof emotion !== 'string' || !(EMOTION_LABELS as readonly string[]).includes(emotion) || emotion === 'neutral') {
      refuse(name, 'blockedEmotions', emotion, `unknown or uncountable emotion ${JSON.stringify(emotion)} in blockedEmotions; known: ${EMOTION_LABELS.filter((label) => label !== 'neutral').join(', ')}.`);
    }
  }
  const returnEmotions = config.returnEmotions ?? false;
  if (typeof returnEmotions !== 'boolean') refuse(name, 'returnEmotions', returnEmotions, 'returnEmotions must be a boolean.');
  const resolved = resolveClassifierConfig(name, config, {
    modelThreshold: EMOTION_MODEL_THRESHOLD,
    heuristicThreshold: EMOTION_HEURISTIC_THRESHOLD,
    hybridGate: EMOTION_HYBRID_GATE,
    onModelFailure: 'block',
    longInput: 'chunks',
  });
  const usesProxy = resolved.mode !== 'ml' || resolved.onModelFailure === 'fallback';
  const notNegative = (blocked as readonly EmotionLabel[]).filter((emotion) => !DEFAULT_BLOCKED_EMOTIONS.includes(emotion));
  if (usesProxy && notNegative.length > 0) {
    refuse(name, 'blockedEmotions', notNegative[0], `blockedEmotions ${notNegative.join(', ')} can be read by a model only: the rule-based proxy of mode ${resolved.mode}${resolved.onModelFailure === 'fallback' ? ' / onModelFailure fallback' : ''} (the sentiment lexicon's negativity) stands for the negative emotions; use mode ml without fallback.`);
  }
  return Object.freeze({ ...resolved, blockedEmotions: Object.freeze([...new Set(blocked)]), returnEmotions });
}

/**
 * The engine of the EmotionDetection scanners. The rule-based side is a proxy, the sentiment lexicon (VADER-style,
 * `@llm-shield/heuristics`): negativity `(1 − compound) / 2` as the score, its negative and positive words as
 * findings. It answers in `heuristic` mode and on fallback, gates the model in `hybrid` mode (a negative word or
 * negativity ≥ `hybridGate`), and explains a model's flagged verdict (`explain`); it never names an emotion.
 */
function emotionEngine(name: string, config: ResolvedEmotionConfig): ClassifierEngine {
  return new ClassifierEngine({
    name,
    config,
    heuristic: (input) => {
      const analysis = analyzeSentiment(input);
      return {
        score: (1 - analysis.compound) / 2,
        findings: analysis.findings,
        summary: `sentiment lexicon: ${analysis.label} (compound ${analysis.compound.toFixed(2)})`,
        flagged: analysis.findings.some((finding) => finding.category === 'negative'),
      };
    },
    bindLabels: (labels) => bindEmotionLabels(labels, { blocked: config.blockedEmotions, returnEmotions: config.returnEmotions }),
  });
}

/**
 * Input scanner that flags prompts expressing blocked emotions, like llm-guard's input `EmotionDetection`
 * (`SamLowe/roberta-base-go_emotions` in production, the embedded GoEmotions model offline).
 */
export class EmotionDetection extends EngineInputScanner<ResolvedEmotionConfig> {
  constructor(config: EmotionDetectionConfig = {}) {
    const resolved = resolveEmotionConfig('EmotionDetection', config);
    super('EmotionDetection', resolved, emotionEngine('EmotionDetection', resolved));
  }
}

/** Output scanner that flags model answers expressing blocked emotions, like llm-guard's output `EmotionDetection`. */
export class OutputEmotionDetection extends EngineOutputScanner<ResolvedEmotionConfig> {
  constructor(config: EmotionDetectionConfig = {}) {
    const resolved = resolveEmotionConfig('EmotionDetection', config);
    super('EmotionDetection', resolved, emotionEngine('EmotionDetection', resolved));
  }
}
