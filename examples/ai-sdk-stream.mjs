// AI SDK + llm-shield: streamText, scanned sentence by sentence; the stream stops at the toxic sentence.
// Run: node examples/ai-sdk-stream.mjs
import { shieldMiddleware } from '@llm-shield/ai-sdk';
import { createShield } from '@llm-shield/node';
import { streamText, wrapLanguageModel } from 'ai';
import { mockModel } from './mock-model.mjs';

const shield = await createShield({ input: ['PromptInjection'], output: ['Toxicity'], detectionMode: 'heuristic' });
const story = 'The weather is fine today. We walked to the park. You are a stupid worthless idiot and I hate you. Then we went home.';
const model = wrapLanguageModel({
  model: mockModel(story),
  middleware: shieldMiddleware({ shield, onOutputViolation: 'refuse', refusalMessage: '[the rest was removed by llm-shield]' }),
});

const result = streamText({ model, prompt: 'Tell me about your day.' });
let streamed = '';
for await (const delta of result.textStream) streamed += delta;
console.log(`streamed: ${streamed}`);
console.log(`finish: ${await result.finishReason}`);
await shield.close();
