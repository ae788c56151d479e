// A stand-in for a real provider (`openai('gpt-4o')`, `anthropic(...)`), so the examples run offline: the AI SDK's
// own mock model from `ai/test`, answering with fixed text or streaming it word by word.
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 20, text: 20, reasoning: undefined } };

/** A mock model that answers `text` (generate) or streams it word by word (stream). */
export function mockModel(text) {
  return new MockLanguageModelV3({
    doGenerate: async () => ({ content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] }),
    doStream: async () => ({
      stream: simulateReadableStream({
        initialDelayInMs: null,
        chunkDelayInMs: null,
        chunks: [
          { type: 'stream-start', warnings: [] },
          { type: 'text-start', id: 'answer' },
          ...text.split(/(?<= )/).map((delta) => ({ type: 'text-delta', id: 'answer', delta })),
          { type: 'text-end', id: 'answer' },
          { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
        ],
      }),
    }),
  });
}
