#!/usr/bin/env node
// Measures the AI SDK middleware (built packages; run `npm run build` first):
//  1. the latency it adds per streamed chunk (text-delta), rules only and with the embedded models;
//  2. what `parallelInputScan` saves with a mock model that takes N ms.
// Usage: node tools/bench/ai-sdk-middleware-bench.mjs [--models] [--chunks 3000]
import { generateText, simulateReadableStream, streamText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { shieldMiddleware } from '@llm-shield/ai-sdk';
import { createShield } from '@llm-shield/node';

const args = process.argv.slice(2);
const withModels = args.includes('--models');
const chunkCount = Number(args[args.indexOf('--chunks') + 1] ?? 0) || 3000;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 1, text: 1, reasoning: undefined } };
const sentences = [
  'The committee met on Tuesday to review the quarterly figures.',
  'Revenue grew by four percent, mostly from the new service plans.',
  'Costs were flat, although travel spending rose again!',
  'Is the forecast still realistic for the second half?',
  'The team thinks so, provided the supply issues ease by spring.',
];

function streamingModel(deltas, delayMs = 0) {
  return new MockLanguageModelV3({
    doGenerate: async ({ abortSignal }) => {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, delayMs);
        abortSignal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(abortSignal.reason);
        });
      });
      return { content: [{ type: 'text', text: 'Fine.' }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
    },
    doStream: async () => ({
      stream: simulateReadableStream({
        initialDelayInMs: null,
        chunkDelayInMs: null,
        chunks: [
          { type: 'stream-start', warnings: [] },
          { type: 'text-start', id: 't' },
          ...deltas.map((delta) => ({ type: 'text-delta', id: 't', delta })),
          { type: 'text-end', id: 't' },
          { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
        ],
      }),
    }),
  });
}

const scanners = { input: ['PromptInjection', 'Toxicity'], output: ['Toxicity', 'Sentiment'] };
const shield = await createShield({ ...scanners, ...(withModels ? {} : { detectionMode: 'heuristic' }) });
console.log(`shield: ${withModels ? 'embedded models' : 'rules only'}; models: ${shield.models.map((m) => `${m.scanner}:${m.id}`).join(', ') || 'none'}`);
console.log(`node ${process.version}, ${chunkCount} chunks`);

// 1. Added latency per chunk.
const words = [];
while (words.length < chunkCount) for (const sentence of sentences) words.push(...sentence.split(/(?<= )/));
words.length = chunkCount;
await streamText({ model: wrapLanguageModel({ model: streamingModel(words.slice(0, 200)), middleware: shieldMiddleware({ shield }) }), prompt: 'warm up' }).text;
const latencies = [];
const started = performance.now();
const text = await streamText({
  model: wrapLanguageModel({ model: streamingModel(words), middleware: shieldMiddleware({ shield, onChunkLatency: (ms) => latencies.push(ms) }) }),
  prompt: 'Summarise the meeting.',
}).text;
const total = performance.now() - started;
const unguardedStart = performance.now();
await streamText({ model: streamingModel(words), prompt: 'Summarise the meeting.' }).text;
const unguarded = performance.now() - unguardedStart;
console.log(
  `per-chunk added latency (ms): p50 ${percentile(latencies, 50).toFixed(3)}  p90 ${percentile(latencies, 90).toFixed(3)}  p99 ${percentile(latencies, 99).toFixed(3)}  max ${Math.max(...latencies).toFixed(2)}  (chunks with a sentence end scan; the others only buffer)`,
);
console.log(`whole stream: ${total.toFixed(0)} ms guarded vs ${unguarded.toFixed(0)} ms unguarded, ${text.length} chars`);

// 2. parallelInputScan savings.
for (const delayMs of [50, 200]) {
  const times = { sequential: [], parallel: [] };
  for (let round = 0; round < 5; round++) {
    for (const mode of ['sequential', 'parallel']) {
      const model = wrapLanguageModel({ model: streamingModel([], delayMs), middleware: shieldMiddleware({ shield, parallelInputScan: mode === 'parallel' }) });
      const begin = performance.now();
      await generateText({ model, prompt: sentences.join(' ').repeat(4) });
      times[mode].push(performance.now() - begin);
    }
  }
  const scanStart = performance.now();
  await shield.scanPrompt(sentences.join(' ').repeat(4));
  const scanMs = performance.now() - scanStart;
  console.log(
    `model ${delayMs} ms, input scan ~${scanMs.toFixed(1)} ms: sequential p50 ${percentile(times.sequential, 50).toFixed(1)} ms, parallel p50 ${percentile(times.parallel, 50).toFixed(1)} ms (saves ${(percentile(times.sequential, 50) - percentile(times.parallel, 50)).toFixed(1)} ms)`,
  );
}
await shield.close();
