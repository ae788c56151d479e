/**
 * Emoji guard for the shipped sentiment model. bert-base-uncased maps emoji to [UNK] and the training rows contain
 * none, so `tools/train/lexicon.py` adds the project's listed emoji to the vocabulary (as pieces and `##`
 * continuations) and gives them their valence through a fixed input channel. This checks, through
 * `@llm-shield/tokenizer` and `@llm-shield/runtime-node` as users run it, that the pieces come out as Python's
 * `tokenizers` (Rust) produced them when this file was written, and that emoji-only texts get the polarity the
 * emoji carry (before the channel, every one of them scored exactly like "[UNK]"). Not a timing test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the guard runs the model on the Node runtime users get
import { createNodeRuntime, type InferenceSessionV1 } from '@llm-shield/runtime-node';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the guard tokenizes with the tokenizer the scanners use
import { createTokenizer } from '@llm-shield/tokenizer';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_MODELS } from '../src/index.js';

const MODELS = fileURLToPath(new URL('../models/', import.meta.url));

/** Pieces from Python `tokenizers` 0.23.2 on the shipped sentiment tokenizer.json (recorded reference). */
const PYTHON_PIECES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['I love this 😂😂😂', ['[CLS]', 'i', 'love', 'this', '😂', '##😂', '##😂', '[SEP]']],
  ['love❤️ you', ['[CLS]', 'love', '##❤', 'you', '[SEP]']],
  ['👍🏻 great job', ['[CLS]', '👍', '##🏻', 'great', 'job', '[SEP]']],
  ['so sad 😭💔', ['[CLS]', 'so', 'sad', '😭', '##💔', '[SEP]']],
  ['family 👨‍👩‍👧 day', ['[CLS]', 'family', '[UNK]', 'day', '[SEP]']],
  ['x😂y', ['[CLS]', 'x', '##😂', '##y', '[SEP]']],
  // GoEmotions (since issue 13) has too few links for `http` to survive pruning: the scanner's `http` is spelled out
  ['@user 😡😡 worst service ever http', ['[CLS]', '@', 'user', '😡', '##😡', 'worst', 'service', 'ever', 'h', '##tt', '##p', '[SEP]']],
];

/**
 * Emoji-only texts, the class their emoji carry, and the class the shipped model gives. Since issue 13 the model is
 * trained on GoEmotions, whose Reddit rows contain "😍" 25 times, mostly next to neutral text: its learned embedding
 * outweighs the valence channel and "😍😍" comes out neutral (0.52 vs 0.42 positive), a known miss recorded here.
 * Freezing the emoji embeddings at zero was tried and lost three of the five (tools/train/train.py).
 */
const POLARITY: ReadonlyArray<readonly [string, 'negative' | 'positive', 'negative' | 'neutral' | 'positive']> = [
  ['😡😡', 'negative', 'negative'],
  ['💔😭', 'negative', 'negative'],
  ['😢', 'negative', 'negative'],
  ['😍😍', 'positive', 'neutral'],
  ['🎉🎉🎉', 'positive', 'positive'],
];

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

describe('embedded sentiment model: emoji', () => {
  const model = EMBEDDED_MODELS.sentiment;
  const tokenizerJson = readJson<{ model: { vocab: Record<string, number> } }>(join(MODELS, model.files.tokenizer));
  const tokenizer = createTokenizer(tokenizerJson, readJson<object>(join(MODELS, model.files.tokenizerConfig)));
  const pieceOf = new Map(Object.entries(tokenizerJson.model.vocab).map(([piece, id]) => [id, piece]));
  const runtime = createNodeRuntime({ intraOpThreads: 1 });
  const sessions: InferenceSessionV1[] = [];
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.dispose()));
  });

  it.each(PYTHON_PIECES)('%s tokenises as in Python', (text, pieces) => {
    expect(tokenizer.encode(text, { padding: 'none' }).ids.map((id) => pieceOf.get(id))).toEqual(pieces);
  });

  it('gives emoji-only texts the polarity of their emoji, never the opposite one (fp32 and int8)', async () => {
    for (const file of [model.files.fp32, model.files.int8].filter((f): f is string => f !== undefined)) {
      const session = await runtime.createSession({ path: join(MODELS, file) });
      sessions.push(session);
      const predicted: string[] = [];
      for (const [text] of POLARITY) {
        const enc = tokenizer.encode(text, { padding: 'none' });
        const shape = [1, enc.ids.length];
        const out = await session.run({
          input_ids: { type: 'int64', data: BigInt64Array.from(enc.ids.map(BigInt)), dims: shape },
          attention_mask: { type: 'int64', data: BigInt64Array.from(enc.attentionMask.map(BigInt)), dims: shape },
        });
        const logits = Array.from(out['logits']!.data as Float32Array);
        predicted.push(model.labels[logits.indexOf(Math.max(...logits))]!);
      }
      expect(predicted, file).toEqual(POLARITY.map(([, , shipped]) => shipped));
      // never the opposite polarity
      POLARITY.forEach(([text, carried], i) => expect(predicted[i], text).not.toBe(carried === 'negative' ? 'positive' : 'negative'));
    }
  });
});
