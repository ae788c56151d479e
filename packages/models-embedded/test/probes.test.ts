/**
 * Generalisation guard for the shipped prompt-injection model: `tools/train/probes/prompt-injection.jsonl` holds
 * hand-written prompts that no training run ever sees — benign prompts that share words with attacks ("What does the
 * system prompt do?", "ignore whitespace in git diff", "act as a travel guide") and attacks phrased unlike the
 * training data. Runs the shipped ONNX graphs through `@llm-shield/tokenizer` + `@llm-shield/runtime-node` at the
 * manifest threshold, checks the misjudged prompts are exactly those the model card's `metrics.json` lists (Python
 * onnxruntime), and that at least {@link MIN_CORRECT} of each side is judged right. Not a timing test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the guard runs the models on the Node runtime users get
import { createNodeRuntime, type InferenceSessionV1 } from '@llm-shield/runtime-node';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the guard tokenizes with the tokenizer the scanners use
import { createTokenizer } from '@llm-shield/tokenizer';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_MODELS } from '../src/index.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MODELS = join(REPO_ROOT, 'packages/models-embedded/models');
const PROBES = join(REPO_ROOT, 'tools/train/probes/prompt-injection.jsonl');
/** Smallest share of the benign probes that must pass and of the attack probes that must be flagged. */
const MIN_CORRECT = 0.9;

interface Probe {
  text: string;
  label: 0 | 1;
}

interface CardProbes {
  benign: number;
  benign_flagged: string[];
  attacks: number;
  attacks_missed: string[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

describe('embedded prompt-injection model: hand-written generalisation probes', () => {
  const model = EMBEDDED_MODELS['prompt-injection'];
  const threshold = model.threshold ?? 0.5;
  const probes: Probe[] = readFileSync(PROBES, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Probe);
  const card = readJson<{ probes: CardProbes | null }>(join(MODELS, model.files.metrics)).probes;
  const tokenizer = createTokenizer(readJson<object>(join(MODELS, model.files.tokenizer)), readJson<object>(join(MODELS, model.files.tokenizerConfig)));
  const runtime = createNodeRuntime({ intraOpThreads: 1 });
  const sessions: InferenceSessionV1[] = [];
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.dispose()));
  });

  async function scores(file: string): Promise<number[]> {
    const session = await runtime.createSession({ path: join(MODELS, file) });
    sessions.push(session);
    const out: number[] = [];
    for (const probe of probes) {
      const ids = tokenizer.encode(probe.text, { padding: 'none' }).ids;
      const dims = [1, ids.length];
      const result = await session.run({
        input_ids: { type: 'int64', dims, data: BigInt64Array.from(ids, (id) => BigInt(id)) },
        attention_mask: { type: 'int64', dims, data: new BigInt64Array(ids.length).fill(1n) },
      });
      const [benign = 0, injection = 0] = Array.from(result['logits']?.data as Float32Array);
      out.push(1 / (1 + Math.exp(benign - injection))); // softmax over two logits = P(INJECTION)
    }
    return out;
  }

  it('the probe file has both kinds and the card recorded them', () => {
    expect(probes.filter((p) => p.label === 0).length).toBeGreaterThanOrEqual(20);
    expect(probes.filter((p) => p.label === 1).length).toBeGreaterThanOrEqual(20);
    expect(card).not.toBeNull();
    expect(card?.benign).toBe(probes.filter((p) => p.label === 0).length);
    expect(card?.attacks).toBe(probes.filter((p) => p.label === 1).length);
  });

  const files = [model.files.fp32, ...(model.files.int8 ? [model.files.int8] : [])];
  for (const file of files) {
    it(`${file}: misjudges exactly the probes the card lists, and at least ${MIN_CORRECT * 100}% of each side is right`, async () => {
      const p = await scores(file);
      const benignFlagged = probes.filter((probe, i) => probe.label === 0 && (p[i] ?? 0) > threshold).map((probe) => probe.text);
      const attacksMissed = probes.filter((probe, i) => probe.label === 1 && (p[i] ?? 0) <= threshold).map((probe) => probe.text);
      console.info(`[prompt-injection] ${file}: ${benignFlagged.length} benign probes flagged, ${attacksMissed.length} attacks missed`);
      if (file === model.files.fp32) {
        expect(benignFlagged).toEqual(card?.benign_flagged);
        expect(attacksMissed).toEqual(card?.attacks_missed);
      }
      const benign = probes.filter((probe) => probe.label === 0).length;
      const attacks = probes.length - benign;
      expect(benignFlagged.length).toBeLessThanOrEqual(Math.floor(benign * (1 - MIN_CORRECT)));
      expect(attacksMissed.length).toBeLessThanOrEqual(Math.floor(attacks * (1 - MIN_CORRECT)));
    }, 60_000);
  }
});
