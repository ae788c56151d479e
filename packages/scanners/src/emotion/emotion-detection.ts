import { InvalidConfigError } from '@llm-shield/core';
import { analyzeSentiment } from '@llm-shield/heuristics';
import { ClassifierEngine } from '../classifier-scanner.js';
import { EngineInputScanner, EngineOutputScanner } from '../engine-scanner.js';
import { assertKnownKeys, resolveClassifierConfig, type ClassifierScannerConfig, type ResolvedClassifierConfig } from '../scanner-config.js';
import { bindEmotionLabels, DEFAULT_BLOCKED_EMOTIONS, EMOTION_LABELS, type EmotionLabel } from './emotion-labels.js';

/** llm-guard's default threshold of EmotionDetection (a blocked emotion above it makes the text invalid). */
export const EMOTION_MODEL_THRESHOLD = 0.5;

/** Options of {@link EmotionDetection} and {@link OutputEmotionDetection}. */
export interface EmotionDetectionConfig
  extends Pick<ClassifierScannerConfig, 'threshold' | 'mode' | 'onModelFailure' | 'timeoutMs' | 'model' | 'longInput' | 'batchSize' | 'explain' | 'cache'> {
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
   * Only `ml` (the default): emotions are read by a model alone; there is no rule-based emotion detector, so
   * `heuristic` and `hybrid` are refused with `InvalidConfigError`.
   */
  mode?: 'ml';
  /** `block` (default: a failed-closed, invalid result) or `throw`; `fallback` is refused (nothing to fall back to). */
  onModelFailure?: 'block' | 'throw';
  /**
   * How text longer than the model's window is read (default `chunks`: every token is scored, the worst part decides;
   * llm-guard reads the full text, truncated, or sentence by sentence with `match_type: sentence`).
   */
  longInput?: ClassifierScannerConfig['longInput'];
}

type ResolvedEmotionConfig = Readonly<ResolvedClassifierConfig & { blockedEmotions: readonly EmotionLabel[]; returnEmotions: boolean }>;

const KEYS = ['threshold', 'mode', 'onModelFailure', 'timeoutMs', 'model', 'longInput', 'batchSize', 'explain', 'cache', 'blockedEmotions', 'returnEmotions'] as const;

function refuse(name: string, field: string, value: unknown, message: string): never {
  throw new InvalidConfigError(`${name}: ${message}`, { details: { scanner: name, field, value } });
}

function resolveEmotionConfig(name: string, config: EmotionDetectionConfig): ResolvedEmotionConfig {
  assertKnownKeys(name, config, KEYS);
  const mode = (config.mode as string | undefined) ?? 'ml';
  if (mode !== 'ml') refuse(name, 'mode', mode, `mode must be ml: emotions are read by a model only (no rule-based detector), got ${JSON.stringify(mode)}.`);
  const failure = config.onModelFailure as string | undefined;
  if (failure === 'fallback') refuse(name, 'onModelFailure', failure, 'onModelFailure must be block or throw: there is no rule-based detector to fall back to.');
  if (config.model === undefined) {
    refuse(name, 'model', undefined, 'a model is needed (there is no rule-based emotion detector); llm-shield attaches the embedded emotion model by default, or give model.');
  }
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
  const resolved = resolveClassifierConfig(name, { ...config, mode: 'ml' }, {
    modelThreshold: EMOTION_MODEL_THRESHOLD,
    heuristicThreshold: EMOTION_MODEL_THRESHOLD,
    hybridGate: 1,
    onModelFailure: 'block',
    longInput: 'chunks',
  });
  // mode is fixed: a model's own default_mode (config.json) cannot switch it to hybrid
  return Object.freeze({ ...resolved, blockedEmotions: Object.freeze([...new Set(blocked)]), returnEmotions });
}

/**
 * The engine of the EmotionDetection scanners: the model decides alone. With `explain` (default `'flagged'`) the
 * rule-based sentiment lexicon (VADER-style, `@llm-shield/heuristics`) reports the negative and positive words it
 * saw, as the explanation of a flagged text; it never changes the verdict.
 */
function emotionEngine(name: string, config: ResolvedEmotionConfig): ClassifierEngine {
  return new ClassifierEngine({
    name,
    config,
    heuristic: (input) => {
      const analysis = analyzeSentiment(input);
      return { score: (1 - analysis.compound) / 2, findings: analysis.findings, summary: `sentiment ${analysis.label} (compound ${analysis.compound.toFixed(2)})` };
    },
    bindLabels: (labels) => bindEmotionLabels(labels, { blocked: config.blockedEmotions, returnEmotions: config.returnEmotions }),
  });
}

/**
 * Input scanner that flags prompts expressing blocked emotions, like llm-guard's input `EmotionDetection`
 * (`SamLowe/roberta-base-go_emotions` in production, the embedded GoEmotions model offline). Needs a model.
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
