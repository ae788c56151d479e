import type { EvalTask } from '../eval/task.js';
import type { BinaryDetector } from './detector.js';
import { loadPeer, peerVersion } from './load-peer.js';

interface LlmGuardResponse {
  isValid: boolean;
  score: number;
}
interface LlmGuardInstance {
  validate(prompt: string): Promise<LlmGuardResponse>;
}
type LlmGuardConstructor = new (config: Record<string, boolean>) => LlmGuardInstance;

/**
 * The npm package `llm-guard` (therizwan/llm-guard, a regex/word-list library unrelated to Protect AI's
 * Python llm-guard) as a detector. Prompt injection: its `jailbreak` and `promptInjection` guards. Toxicity: its
 * `toxicity` and `profanity` guards. Its other guards (PII, relevance) are off. Positive = `isValid` is false;
 * score = `1 - score` (its score is 1 for clean text).
 *
 * @param task - `prompt-injection` or `toxicity`
 */
export async function createLlmGuardNpmDetector(task: Exclude<EvalTask, 'sentiment'>): Promise<BinaryDetector> {
  const module = await loadPeer('llm-guard', 'llm-guard-npm');
  const LLMGuard = (module.LLMGuard ?? (module.default as Record<string, unknown> | undefined)?.LLMGuard) as LlmGuardConstructor;
  const injection = task === 'prompt-injection';
  const guard = new LLMGuard({
    pii: false,
    relevance: false,
    jailbreak: injection,
    promptInjection: injection,
    toxicity: !injection,
    profanity: !injection,
  });
  const version = await peerVersion('llm-guard');
  return {
    kind: 'binary',
    name: 'llm-guard-npm',
    description: `llm-guard (npm) ${version}, ${injection ? 'jailbreak + promptInjection' : 'toxicity + profanity'} guards`,
    threshold: null,
    async predict(text) {
      const response = await guard.validate(text);
      return { positive: !response.isValid, score: 1 - response.score };
    },
  };
}
