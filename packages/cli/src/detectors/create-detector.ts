import { InvalidConfigError } from '@llm-shield/core';
import type { ShieldDetectionMode as DetectionMode } from '@llm-shield/node';
import type { EvalTask } from '../eval/task.js';
import { createAfinnDetector } from './afinn-detector.js';
import type { Detector, DetectorName } from './detector.js';
import { createLlmGuardNpmDetector } from './llm-guard-npm-detector.js';
import { createLlmShieldDetector } from './llm-shield-detector.js';
import { createVaderDetector } from './vader-detector.js';
import { createVardDetector } from './vard-detector.js';

/** Which detectors can run each task (ours first). */
export const DETECTORS_BY_TASK: Readonly<Record<EvalTask, readonly DetectorName[]>> = {
  'prompt-injection': ['llm-shield', 'vard', 'llm-guard-npm'],
  toxicity: ['llm-shield', 'llm-guard-npm'],
  sentiment: ['llm-shield', 'vader', 'sentiment-npm'],
};

/** Options of {@link createDetector}. */
export interface CreateDetectorOptions {
  /** Decision threshold (binary) or neutral band (sentiment) on the detector's own scale; default: the detector's. */
  threshold?: number | undefined;
  /** Scanner mode of the `llm-shield` detector. */
  mode?: DetectionMode | undefined;
}

/**
 * Builds a detector for a task. Raises {@link InvalidConfigError} when the detector does not do the task, or
 * when a peer detector's package is not installed.
 *
 * @param name - the detector
 * @param task - the task
 * @param options - threshold and mode
 */
export async function createDetector(name: DetectorName, task: EvalTask, options: CreateDetectorOptions = {}): Promise<Detector> {
  if (!DETECTORS_BY_TASK[task].includes(name)) {
    throw new InvalidConfigError(`Detector "${name}" does not do ${task}; detectors for ${task}: ${DETECTORS_BY_TASK[task].join(', ')}.`, {
      details: { detector: name, task },
    });
  }
  switch (name) {
    case 'llm-shield':
      return createLlmShieldDetector(task, options);
    case 'vard':
      return createVardDetector(options.threshold);
    case 'llm-guard-npm':
      return createLlmGuardNpmDetector(task === 'sentiment' ? 'toxicity' : task);
    case 'vader':
      return createVaderDetector(options.threshold);
    case 'sentiment-npm':
      return createAfinnDetector(options.threshold);
  }
}
