import type { ScanResultV1 } from '@llm-shield/core';
import { analyzeSentiment, DEFAULT_NEGATIVE_THRESHOLD, DEFAULT_POSITIVE_THRESHOLD } from '@llm-shield/heuristics';
import { createShield, type ShieldDetectionMode } from '@llm-shield/node';
import type { EvalTask } from '../eval/task.js';
import { polarityToClass, type BinaryDetector, type SentimentDetector } from './detector.js';

/** Options of {@link createLlmShieldDetector}. */
export interface LlmShieldDetectorOptions {
  /**
   * Binary tasks: the scanner's threshold (default: the model's own calibrated one, as `llm-shield scan`).
   * Sentiment: a symmetric neutral band B on the compound scale (positive ≥ B, negative ≤ −B); default: the
   * analyser's own label rule (negative below `DEFAULT_NEGATIVE_THRESHOLD` 0, positive from
   * `DEFAULT_POSITIVE_THRESHOLD` 0.25).
   */
  threshold?: number | undefined;
  /** Detection mode (default: the same as `llm-shield scan`: each model's own). */
  mode?: ShieldDetectionMode | undefined;
  /** Environment for the model policy's cache lookup (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

const SCANNER_OF_TASK: Readonly<Record<EvalTask, string>> = {
  'prompt-injection': 'PromptInjection',
  toxicity: 'Toxicity',
  sentiment: 'Sentiment',
};

/**
 * Our detector for a task: the shield of `@llm-shield/node` with the task's one scanner — the same scanner,
 * model, threshold and mode as `llm-shield scan` — so `eval` measures exactly what `scan` runs. Binary tasks:
 * positive = the scanner finds the text invalid. Sentiment: the class from the compound `1 - 2 × score` and the
 * neutral band.
 *
 * @param task - the evaluation task
 * @param options - threshold, mode and environment
 */
export async function createLlmShieldDetector(task: EvalTask, options: LlmShieldDetectorOptions = {}): Promise<BinaryDetector | SentimentDetector> {
  const type = SCANNER_OF_TASK[task];
  const binaryThreshold = task !== 'sentiment' && options.threshold !== undefined ? { threshold: options.threshold } : {};
  const shield = await createShield({
    input: [{ type, params: binaryThreshold }],
    ...(options.mode === undefined ? {} : { detectionMode: options.mode }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  // The settings scans will use, after the model's own calibrated threshold and mode (loads the model now).
  const settings = (await shield.ready())[0];
  const model = settings?.model;
  const where = `${settings?.mode ?? 'heuristic'}${model ? `, ${model.origin ?? 'given'} model ${model.id}/${model.variant ?? 'default'}` : ''}${settings?.modelError ? `, model failed: ${settings.modelError.code}` : ''}`;
  const scanOne = async (text: string): Promise<ScanResultV1> => {
    const run = (await shield.scanPrompt(text)).runs[0];
    if (run?.status !== 'completed') throw new Error(`${type} did not complete.`);
    return run.result;
  };
  if (task === 'sentiment') {
    const band = options.threshold;
    const rule =
      band === undefined
        ? `analyser's default labels (negative < ${DEFAULT_NEGATIVE_THRESHOLD}, positive ≥ ${DEFAULT_POSITIVE_THRESHOLD} compound)`
        : `neutral band |compound| < ${band}`;
    return {
      kind: 'sentiment',
      name: 'llm-shield',
      description: `llm-shield Sentiment (${where}), ${rule}`,
      threshold: band ?? null,
      async predict(text) {
        const result = await scanOne(text);
        const compound = 1 - 2 * result.score;
        if (band !== undefined) return { label: polarityToClass(compound, band), score: compound };
        const label =
          result.method === 'heuristic' || result.method === 'fallback'
            ? analyzeSentiment(text).label
            : (result.findings[0]?.category as 'negative' | 'neutral' | 'positive' | undefined) ?? polarityToClass(compound, DEFAULT_POSITIVE_THRESHOLD);
        return { label, score: compound };
      },
    };
  }
  const threshold = settings?.threshold ?? options.threshold ?? null;
  return {
    kind: 'binary',
    name: 'llm-shield',
    description: `llm-shield ${type} (${where})${threshold === null ? '' : `, threshold ${threshold}`}`,
    threshold,
    async predict(text) {
      const result = await scanOne(text);
      return { positive: !result.valid, score: result.score };
    },
  };
}
