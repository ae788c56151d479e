import { InferenceFailedError, InvalidModelError, raceAbort, throwIfAborted, type ModelInputV1, type TensorV1 } from '@llm-shield/core';
import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-common';
import { toCreateError, toRunError } from './ort-errors.js';
import { fromOrtTensor, toOrtTensor, type OrtTensorConstructor } from './ort-tensor.js';
import { checkFeeds } from './tensor-check.js';

/**
 * The `InferenceSession` factory of the onnxruntime build in use (`ort.InferenceSession` of onnxruntime-node or
 * onnxruntime-web): the two `create` overloads llm-shield uses.
 */
export interface OrtSessionFactory {
  /** Creates a session from a model file path (or URL). */
  create(uri: string, options?: InferenceSession.SessionOptions): Promise<InferenceSession>;
  /** Creates a session from model bytes in memory. */
  create(buffer: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession>;
}

/** What error details say about a model: its path, or the byte length of its bytes. */
export function describeModel(model: ModelInputV1): Record<string, unknown> {
  return 'path' in model ? { path: model.path } : { bytes: model.bytes.byteLength };
}

/**
 * Checks that a model is given as `{ path }` (a non-empty string) or `{ bytes }` (a non-empty `Uint8Array`).
 * Throws {@link InvalidModelError} otherwise.
 */
export function checkModelInput(model: ModelInputV1): void {
  const isObject = typeof model === 'object' && model !== null;
  if (isObject && 'path' in model && typeof model.path === 'string' && model.path.length > 0) return;
  if (isObject && 'bytes' in model && model.bytes instanceof Uint8Array) {
    if (model.bytes.byteLength === 0) throw new InvalidModelError('The model bytes are empty.', { details: { bytes: 0 } });
    return;
  }
  throw new InvalidModelError('A model is given as { bytes: Uint8Array } or { path: string }.');
}

/**
 * Creates an onnxruntime session from a checked {@link ModelInputV1} (`{ path }` or `{ bytes }`) and wraps it.
 * Errors of creation and of `wrap` are mapped with {@link toCreateError}, with the model (see
 * {@link describeModel}) and `options.executionProviders` as details.
 *
 * @param factory - `ort.InferenceSession` of the backend
 * @param model - the model, already checked with {@link checkModelInput}
 * @param options - onnxruntime's session options
 * @param wrap - turns the onnxruntime session into the backend's own session object
 */
export async function createOrtSession<T>(
  factory: OrtSessionFactory,
  model: ModelInputV1,
  options: InferenceSession.SessionOptions,
  wrap: (session: InferenceSession) => T,
): Promise<T> {
  try {
    const session = 'path' in model ? await factory.create(model.path, options) : await factory.create(model.bytes, options);
    return wrap(session);
  } catch (error) {
    throw toCreateError(error, { ...describeModel(model), executionProviders: options.executionProviders });
  }
}

/** The onnxruntime tensor made for a feed, with what it was made from. */
interface Converted {
  readonly ort: OrtTensor;
  readonly Tensor: OrtTensorConstructor;
  readonly type: string;
  readonly data: TensorV1['data'];
  readonly dims: readonly number[];
}

/** Onnxruntime tensors of the feeds a caller hands in again (reused feed objects, as the ML scanners keep them). */
const converted = new WeakMap<TensorV1, Converted>();

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * {@link toOrtTensor}, remembered per feed object: a caller that runs the same `TensorV1` object again (same type,
 * typed array and dims, refilled in place) gets the onnxruntime tensor made for it the first time, which views the
 * same memory, so the new contents are what the run reads.
 */
function cachedOrtTensor(tensor: TensorV1, Tensor: OrtTensorConstructor): OrtTensor {
  const known = converted.get(tensor);
  if (known !== undefined && known.Tensor === Tensor && known.type === tensor.type && known.data === tensor.data && sameDims(known.dims, tensor.dims)) return known.ort;
  const ort = toOrtTensor(tensor, Tensor);
  converted.set(tensor, { ort, Tensor, type: tensor.type, data: tensor.data, dims: [...tensor.dims] });
  return ort;
}

/** What {@link runOrtSession} needs from a backend's session. */
export interface OrtRunTarget {
  /** The inputs the session declares: `feeds` must be exactly these. */
  readonly inputNames: readonly string[];
  /** The outputs the session declares, all of which are returned. */
  readonly outputNames: readonly string[];
  /** `ort.Tensor` of the backend (its `run` checks `instanceof` its own class). */
  readonly Tensor: OrtTensorConstructor;
  /**
   * Starts onnxruntime's run on the converted feeds (called synchronously, once the feeds are checked and
   * converted); a backend may track or queue it here.
   */
  start(feeds: Record<string, OrtTensor>): Promise<InferenceSession.OnnxValueMapType>;
}

/**
 * The body of a backend session's `run`: checks the abort signal and the feeds, converts them to onnxruntime
 * tensors (no copy; a feed object run again reuses its onnxruntime tensor), starts the run, races it against the signal, and converts the declared outputs back to
 * {@link TensorV1}. Rejects with `InferenceFailedError` (`details.reason`: `missing-input`, `unexpected-input`,
 * `invalid-tensor`, `run-failed`) or `AbortedError`.
 *
 * @param target - the session's names, `Tensor` class and how to start a run
 * @param feeds - the caller's feeds
 * @param signal - aborts waiting for the run
 */
export async function runOrtSession(target: OrtRunTarget, feeds: Record<string, TensorV1>, signal: AbortSignal | undefined): Promise<Record<string, TensorV1>> {
  throwIfAborted(signal, 'inference run');
  checkFeeds(target.inputNames, feeds);
  const ortFeeds: Record<string, OrtTensor> = {};
  for (const name of target.inputNames) ortFeeds[name] = cachedOrtTensor(feeds[name] as TensorV1, target.Tensor);

  const work = target.start(ortFeeds);
  let outputs: InferenceSession.OnnxValueMapType;
  try {
    outputs = await raceAbort(work, signal, 'inference run');
  } catch (error) {
    throw toRunError(error);
  }
  const result: Record<string, TensorV1> = {};
  for (const name of target.outputNames) {
    const value = outputs[name];
    if (value === undefined) throw new InferenceFailedError(`onnxruntime returned no output "${name}".`, { details: { reason: 'run-failed' } });
    result[name] = fromOrtTensor(name, value as OrtTensor);
  }
  return result;
}
