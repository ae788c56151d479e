import { fileURLToPath } from 'node:url';
import { scanPrompt, type InferenceRuntimeV1, type InputScannerV1, type ScanResultV1 } from '@llm-shield/core';
import { createLocalFolderModelSource } from '@llm-shield/model-hub/node';
import { EMBEDDED_MODELS, embeddedModelUrl } from '@llm-shield/models-embedded';
import { createNodeRuntime } from '@llm-shield/runtime-node';
import { analyzeSentiment, DEFAULT_NEGATIVE_THRESHOLD, DEFAULT_POSITIVE_THRESHOLD } from '@llm-shield/heuristics';
import { createInputScanner, type ClassifierModelOptions, type DetectionMode } from '@llm-shield/scanners';
import type { EvalTask } from '../eval/task.js';
import { polarityToClass, type BinaryDetector, type SentimentDetector } from './detector.js';

/** Options of {@link createLlmShieldDetector}. */
export interface LlmShieldDetectorOptions {
  /**
   * Binary tasks: the scanner's threshold (default: the scanner's own). Sentiment: a symmetric neutral band B
   * on the compound scale (positive ≥ B, negative ≤ −B); default: the analyser's own label rule
   * (negative below `DEFAULT_NEGATIVE_THRESHOLD` 0, positive from `DEFAULT_POSITIVE_THRESHOLD` 0.25).
   */
  threshold?: number | undefined;
  /** Scanner mode (default: the scanner's, `heuristic` in this release). */
  mode?: DetectionMode | undefined;
}

/**
 * The embedded model of a task (shipped in `@llm-shield/models-embedded`, int8) with one shared onnxruntime-node
 * runtime, for `--detection-mode ml|hybrid`; its calibrated threshold is used unless `--threshold` is given.
 */
function embeddedModelFor(task: EvalTask): { model: ClassifierModelOptions; threshold: number | null } {
  const embedded = EMBEDDED_MODELS[task];
  const folder = fileURLToPath(embeddedModelUrl(`${embedded.name}/`));
  sharedRuntime ??= createNodeRuntime();
  return {
    model: { source: createLocalFolderModelSource(folder), runtime: sharedRuntime, id: `llm-shield/${embedded.name}`, variant: embedded.files.int8 ? 'int8' : 'fp32' },
    threshold: embedded.threshold,
  };
}

let sharedRuntime: InferenceRuntimeV1 | undefined;

async function scanOne(scanner: InputScannerV1, text: string): Promise<ScanResultV1> {
  const pipeline = await scanPrompt([scanner], text);
  const run = pipeline.runs[0];
  if (run?.status !== 'completed') throw new Error(`${scanner.name} did not complete.`);
  return run.result;
}

/**
 * Our detector for a task, through the same scanners and pipeline as `llm-shield scan`: PromptInjection and
 * Toxicity for the binary tasks (positive = the scanner finds the text invalid), Sentiment for sentiment
 * (class from the compound `1 - 2 × score` and the neutral band).
 *
 * @param task - the evaluation task
 * @param options - threshold and mode
 */
export function createLlmShieldDetector(task: EvalTask, options: LlmShieldDetectorOptions = {}): BinaryDetector | SentimentDetector {
  const withModel = options.mode === 'ml' || options.mode === 'hybrid' ? embeddedModelFor(task) : undefined;
  const mode = {
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(withModel ? { model: withModel.model, explain: false } : {}),
  };
  const modelLabel = withModel ? `, embedded model ${withModel.model.id}/${withModel.model.variant}` : '';
  if (task === 'sentiment') {
    const scanner = createInputScanner('Sentiment', mode);
    const band = options.threshold;
    const rule =
      band === undefined
        ? `analyser's default labels (negative < ${DEFAULT_NEGATIVE_THRESHOLD}, positive ≥ ${DEFAULT_POSITIVE_THRESHOLD} compound)`
        : `neutral band |compound| < ${band}`;
    return {
      kind: 'sentiment',
      name: 'llm-shield',
      description: `@llm-shield/scanners Sentiment (${options.mode ?? 'heuristic'}${modelLabel}), ${rule}`,
      threshold: band ?? null,
      async predict(text) {
        const result = await scanOne(scanner, text);
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
  const name = task === 'prompt-injection' ? 'PromptInjection' : 'Toxicity';
  const threshold0 = options.threshold ?? withModel?.threshold ?? undefined;
  const scanner = createInputScanner(name, { ...mode, ...(threshold0 === undefined ? {} : { threshold: threshold0 }) });
  const threshold = (scanner as { config?: { threshold?: number } }).config?.threshold ?? options.threshold ?? null;
  return {
    kind: 'binary',
    name: 'llm-shield',
    description: `@llm-shield/scanners ${name} (${options.mode ?? 'heuristic'}${modelLabel})${threshold === null ? '' : `, threshold ${threshold}`}`,
    threshold,
    async predict(text) {
      const result = await scanOne(scanner, text);
      return { positive: !result.valid, score: result.score };
    },
  };
}
