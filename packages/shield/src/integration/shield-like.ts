import type { PipelineOptions, PipelineResult } from '@llm-shield/core';

/**
 * What the integrations need of a shield: `Shield` from `@llm-shield/node` / `@llm-shield/shield` fits, and so does
 * any object with the same two methods (a remote client, a test double).
 */
export interface ShieldLike {
  /** Runs the input scanners over a prompt. */
  scanPrompt(prompt: string, options?: PipelineOptions): Promise<PipelineResult>;
  /** Runs the output scanners over a model's answer to `prompt`. */
  scanOutput(prompt: string, output: string, options?: PipelineOptions): Promise<PipelineResult>;
}
