import type { ScannerDefinitionV1 } from '@llm-shield/core';
import { CLASSIFIER_ALIASES, CLASSIFIER_IGNORED } from '../definitions.js';
import { EmotionDetection, OutputEmotionDetection, type EmotionDetectionConfig } from './emotion-detection.js';

/**
 * llm-guard's `EmotionDetection` (input and output) as a config-file entry: `blocked_emotions`, `threshold`,
 * `match_type` (→ `longInput.mode`), `model_max_length` (→ `longInput.maxLength`) and `return_full_output`
 * (→ `returnEmotions`); `use_onnx` and `model` are accepted and ignored. Model task `emotion`.
 */
export const EMOTION_SCANNER_DEFINITIONS: readonly ScannerDefinitionV1[] = [
  {
    specificationVersion: 'v1',
    type: 'EmotionDetection',
    input: (config) => new EmotionDetection(config as EmotionDetectionConfig),
    output: (config) => new OutputEmotionDetection(config as EmotionDetectionConfig),
    aliases: { ...CLASSIFIER_ALIASES, return_full_output: { option: 'returnEmotions' } },
    ignored: CLASSIFIER_IGNORED,
    modelTask: 'emotion',
  },
];
