/**
 * One conformance suite for every {@link InferenceRuntimeV1} backend (onnxruntime-node, onnxruntime-web…), run by
 * each backend's tests on the tiny fixture models of `models/fixtures/` and checked against the logits Python's
 * onnxruntime and torch gave (`reference.json`, made by `tools/fixtures/build_fixtures.py`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AbortedError,
  InferenceFailedError,
  InvalidModelError,
  LlmShieldError,
  type InferenceRuntimeV1,
  type InferenceSessionV1,
  type ModelInputV1,
  type TensorV1,
} from '@llm-shield/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Largest allowed absolute difference between logits of two backends, or a backend and Python. */
export const TOLERANCE = 1e-4;

/** The fixture models, in `models/fixtures/<name>/` (RoBERTa ×2, BERT with token_type_ids, DeBERTa-v2 with disentangled attention). */
export const FIXTURE_NAMES = ['tiny-roberta-sentiment', 'tiny-roberta-toxicity', 'tiny-bert-injection', 'tiny-deberta-injection'] as const;

/** One fixture's name. */
export type FixtureName = (typeof FIXTURE_NAMES)[number];

/** One fixed text of `reference.json` with its token ids and Python's logits. */
export interface ReferenceSample {
  text: string;
  input_ids: number[];
  attention_mask: number[];
  token_type_ids?: number[];
  logits_onnxruntime: number[];
  logits_torch: number[];
}

/** The parsed `reference.json` of a fixture. */
export interface Reference {
  input_names: string[];
  output_names: string[];
  pad_token_id: number;
  labels: string[];
  samples: ReferenceSample[];
}

/** Absolute path of a fixture's folder. */
export function fixtureDir(name: FixtureName): string {
  return fileURLToPath(new URL(`../../../models/fixtures/${name}/`, import.meta.url));
}

/** Absolute path of a fixture's `model.onnx`. */
export function fixtureModelPath(name: FixtureName): string {
  return join(fixtureDir(name), 'model.onnx');
}

/** Reads a fixture's `reference.json`. */
export function loadReference(name: FixtureName): Reference {
  return JSON.parse(readFileSync(join(fixtureDir(name), 'reference.json'), 'utf8')) as Reference;
}

/** Right-pads samples into one batch of int64 feeds (pad id for `input_ids`, 0 for the mask and type ids). */
export function batchFeeds(reference: Reference, samples: readonly ReferenceSample[], inputNames: readonly string[] = reference.input_names): Record<string, TensorV1> {
  const length = Math.max(...samples.map((s) => s.input_ids.length));
  const feeds: Record<string, TensorV1> = {};
  for (const name of inputNames) {
    const data = new BigInt64Array(samples.length * length).fill(name === 'input_ids' ? BigInt(reference.pad_token_id) : 0n);
    samples.forEach((sample, row) => {
      const values = (sample as unknown as Record<string, number[] | undefined>)[name] ?? sample.input_ids.map(() => 0);
      values.forEach((v, i) => (data[row * length + i] = BigInt(v)));
    });
    feeds[name] = { type: 'int64', dims: [samples.length, length], data };
  }
  return feeds;
}

/** Largest absolute difference between two equally long number lists. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}

/** Splits a `[batch, labels]` logits tensor into rows. */
export function logitRows(logits: TensorV1 | undefined): number[][] {
  expect(logits?.type).toBe('float32');
  const [batch, width] = logits!.dims as [number, number];
  const data = logits!.data as Float32Array;
  return Array.from({ length: batch }, (_, row) => Array.from(data.subarray(row * width, (row + 1) * width)));
}

/** Runs every reference sample one by one and returns the logits rows. */
export async function sampleLogits(session: InferenceSessionV1, reference: Reference): Promise<number[][]> {
  const rows: number[][] = [];
  for (const sample of reference.samples) {
    const out = await session.run(batchFeeds(reference, [sample], session.inputNames));
    rows.push(logitRows(out.logits)[0]!);
  }
  return rows;
}

/** What {@link describeRuntimeConformance} needs to know about a backend. */
export interface ConformanceTarget {
  /** Backend label used in test names. */
  name: string;
  /** Creates the runtime under test (keep it to one thread: CI has two cores). */
  createRuntime: () => InferenceRuntimeV1 | Promise<InferenceRuntimeV1>;
  /** Whether the backend loads `{ path }` models from the local file system (default `true`). */
  loadsPaths?: boolean;
  /** Receives the largest difference to Python's onnxruntime logits per fixture, for reports. */
  onMaxDiff?: (fixture: FixtureName, diff: number) => void;
}

async function expectCode(work: Promise<unknown>, isInstance: (e: unknown) => boolean, reason?: string): Promise<LlmShieldError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a rejection').toBeDefined();
  expect(isInstance(error), `unexpected error: ${String(error)}`).toBe(true);
  if (reason !== undefined) expect((error as LlmShieldError).details.reason).toBe(reason);
  return error as LlmShieldError;
}

/**
 * Declares the conformance tests of one backend: declared inputs and outputs, logits within {@link TOLERANCE} of
 * Python's for every fixture, padded batches, concurrent runs, exact feeds, typed errors for bad feeds and bad
 * models, abort and dispose.
 */
export function describeRuntimeConformance(target: ConformanceTarget): void {
  describe(`${target.name} conforms to InferenceRuntimeV1`, () => {
    let runtime: InferenceRuntimeV1;
    beforeAll(async () => {
      runtime = await target.createRuntime();
    });

    it('identifies itself', () => {
      expect(runtime.specificationVersion).toBe('v1');
      expect(runtime.name.length).toBeGreaterThan(0);
    });

    for (const fixture of FIXTURE_NAMES) {
      describe(fixture, () => {
        const reference = loadReference(fixture);
        let session: InferenceSessionV1;
        beforeAll(async () => {
          session = await runtime.createSession({ bytes: new Uint8Array(readFileSync(fixtureModelPath(fixture))) });
        });
        afterAll(async () => {
          await session?.dispose();
        });

        it('declares exactly the graph inputs and outputs', () => {
          expect(session.inputNames).toEqual(reference.input_names);
          expect(session.outputNames).toEqual(['logits']);
        });

        it(`gives Python's logits within ${TOLERANCE} (batch of 1)`, async () => {
          const rows = await sampleLogits(session, reference);
          let worst = 0;
          rows.forEach((row, i) => {
            const sample = reference.samples[i]!;
            worst = Math.max(worst, maxAbsDiff(row, sample.logits_onnxruntime));
            expect(maxAbsDiff(row, sample.logits_torch)).toBeLessThanOrEqual(TOLERANCE);
          });
          target.onMaxDiff?.(fixture, worst);
          expect(worst).toBeLessThanOrEqual(TOLERANCE);
        });

        it('gives each row of a right-padded batch of 2 its own logits', async () => {
          const pairs: Array<[number, number]> = [
            [0, 4],
            [2, 1],
          ];
          for (const [a, b] of pairs) {
            const samples = [reference.samples[a]!, reference.samples[b]!];
            expect(samples[0]!.input_ids.length).not.toBe(samples[1]!.input_ids.length);
            const out = await session.run(batchFeeds(reference, samples));
            expect(out.logits?.dims).toEqual([2, reference.labels.length]);
            logitRows(out.logits).forEach((row, i) => expect(maxAbsDiff(row, samples[i]!.logits_onnxruntime)).toBeLessThanOrEqual(TOLERANCE));
          }
        });

        it('serves concurrent runs on one session', async () => {
          const outs = await Promise.all(reference.samples.map((sample) => session.run(batchFeeds(reference, [sample]))));
          outs.forEach((out, i) => expect(maxAbsDiff(logitRows(out.logits)[0]!, reference.samples[i]!.logits_onnxruntime)).toBeLessThanOrEqual(TOLERANCE));
        });

        it('rejects feeds that miss a declared input or add an undeclared one', async () => {
          const feeds = batchFeeds(reference, reference.samples.slice(0, 1));
          const { attention_mask: _mask, ...missing } = feeds;
          const error = await expectCode(session.run(missing), InferenceFailedError.isInstance, 'missing-input');
          expect(error.details.missing).toEqual(['attention_mask']);
          const extraName = reference.input_names.includes('token_type_ids') ? 'position_ids' : 'token_type_ids';
          const extra = { ...feeds, [extraName]: feeds.input_ids! };
          const extraError = await expectCode(session.run(extra), InferenceFailedError.isInstance, 'unexpected-input');
          expect(extraError.details.unexpected).toEqual([extraName]);
        });

        it('rejects malformed tensors and maps onnxruntime failures to InferenceFailedError', async () => {
          const feeds = batchFeeds(reference, reference.samples.slice(0, 1));
          const ids = feeds.input_ids!;
          await expectCode(session.run({ ...feeds, input_ids: { ...ids, dims: [1, ids.data.length + 1] } }), InferenceFailedError.isInstance, 'invalid-tensor');
          await expectCode(session.run({ ...feeds, input_ids: { type: 'int64', dims: ids.dims, data: new Int32Array(ids.data.length) } as TensorV1 }), InferenceFailedError.isInstance, 'invalid-tensor');
          // Well formed, but the graph wants int64: onnxruntime itself refuses.
          await expectCode(session.run({ ...feeds, input_ids: { type: 'int32', dims: ids.dims, data: new Int32Array(ids.data.length) } }), InferenceFailedError.isInstance, 'run-failed');
          // Still usable afterwards.
          const out = await session.run(feeds);
          expect(maxAbsDiff(logitRows(out.logits)[0]!, reference.samples[0]!.logits_onnxruntime)).toBeLessThanOrEqual(TOLERANCE);
        });
      });
    }

    describe('invalid models', () => {
      const fixture: FixtureName = 'tiny-bert-injection';
      const bytes = new Uint8Array(readFileSync(fixtureModelPath(fixture)));
      const cases: Array<[string, Uint8Array]> = [
        ['garbage bytes', new TextEncoder().encode('this is not an onnx model, just some text '.repeat(20))],
        ['empty bytes', new Uint8Array(0)],
        ['a truncated copy of a fixture', bytes.slice(0, Math.floor(bytes.length / 2))],
      ];
      for (const [label, model] of cases) {
        it(`rejects ${label} with InvalidModelError`, async () => {
          await expectCode(runtime.createSession({ bytes: model }), InvalidModelError.isInstance);
        });
      }

      it('rejects a model input that is neither bytes nor a path with InvalidModelError', async () => {
        await expectCode(runtime.createSession({} as ModelInputV1), InvalidModelError.isInstance);
      });

      describe.runIf(target.loadsPaths ?? true)('from a path', () => {
        let dir: string;
        beforeAll(() => {
          dir = mkdtempSync(join(tmpdir(), 'llm-shield-conformance-'));
          writeFileSync(join(dir, 'empty.onnx'), new Uint8Array(0));
          writeFileSync(join(dir, 'truncated.onnx'), bytes.slice(0, Math.floor(bytes.length / 3)));
        });
        afterAll(() => rmSync(dir, { recursive: true, force: true }));

        it('loads a fixture from its path', async () => {
          const session = await runtime.createSession({ path: fixtureModelPath(fixture) });
          const reference = loadReference(fixture);
          const rows = await sampleLogits(session, reference);
          rows.forEach((row, i) => expect(maxAbsDiff(row, reference.samples[i]!.logits_onnxruntime)).toBeLessThanOrEqual(TOLERANCE));
          await session.dispose();
        });

        for (const file of ['missing.onnx', 'empty.onnx', 'truncated.onnx']) {
          it(`rejects ${file} with InvalidModelError`, async () => {
            await expectCode(runtime.createSession({ path: join(dir, file) }), InvalidModelError.isInstance);
          });
        }
      });
    });

    describe('abort and dispose', () => {
      const fixture: FixtureName = 'tiny-roberta-sentiment';
      const reference = loadReference(fixture);
      let session: InferenceSessionV1;
      beforeAll(async () => {
        session = await runtime.createSession({ bytes: new Uint8Array(readFileSync(fixtureModelPath(fixture))) });
      });

      it('rejects with AbortedError for an aborted signal, before or during the run', async () => {
        const feeds = batchFeeds(reference, reference.samples);
        await expectCode(session.run(feeds, { signal: AbortSignal.abort() }), AbortedError.isInstance);
        const controller = new AbortController();
        const running = session.run(feeds, { signal: controller.signal });
        controller.abort();
        await expectCode(running, AbortedError.isInstance);
        const out = await session.run(feeds, { signal: new AbortController().signal });
        expect(out.logits?.dims).toEqual([reference.samples.length, reference.labels.length]);
      });

      it('rejects runs after dispose, and dispose is idempotent', async () => {
        const feeds = batchFeeds(reference, reference.samples.slice(0, 1));
        const inFlight = session.run(feeds);
        await session.dispose();
        await expect(inFlight).resolves.toHaveProperty('logits');
        await session.dispose();
        await expectCode(session.run(feeds), InferenceFailedError.isInstance, 'disposed');
      });
    });
  });
}
