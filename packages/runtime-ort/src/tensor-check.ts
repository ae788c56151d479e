import { InferenceFailedError, type TensorDataType, type TensorV1 } from '@llm-shield/core';

/** The typed-array class name each {@link TensorDataType} travels in. */
export const TYPED_ARRAY_OF: Readonly<Record<TensorDataType, string>> = {
  float32: 'Float32Array',
  float16: 'Uint16Array',
  int64: 'BigInt64Array',
  int32: 'Int32Array',
  int8: 'Int8Array',
  uint8: 'Uint8Array',
  bool: 'Uint8Array',
};

/** The class name of a typed array (`Float32Array`…), also for one from another realm; `undefined` otherwise. */
export function typedArrayName(value: unknown): string | undefined {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return undefined;
  return Object.prototype.toString.call(value).slice(8, -1);
}

function invalid(name: string, message: string): InferenceFailedError {
  return new InferenceFailedError(`Feed "${name}": ${message}`, { details: { reason: 'invalid-tensor', input: name } });
}

/** The typed-array class of each {@link TensorDataType} in this realm (a fast `instanceof` before the name test). */
const TYPED_ARRAY_CLASS: Readonly<Record<TensorDataType, abstract new (...args: never[]) => unknown>> = {
  float32: Float32Array,
  float16: Uint16Array,
  int64: BigInt64Array,
  int32: Int32Array,
  int8: Int8Array,
  uint8: Uint8Array,
  bool: Uint8Array,
};

/**
 * Checks that a {@link TensorV1} is well formed: a known type, its typed array, and integer dims whose product is
 * the data length. Throws {@link InferenceFailedError} (`details.reason: 'invalid-tensor'`) otherwise.
 */
export function checkTensor(name: string, tensor: TensorV1): void {
  if (typeof tensor !== 'object' || tensor === null) throw invalid(name, 'not a tensor.');
  const expected = Object.hasOwn(TYPED_ARRAY_OF, tensor.type) ? TYPED_ARRAY_OF[tensor.type] : undefined;
  if (expected === undefined) throw invalid(name, `unsupported type ${JSON.stringify(tensor.type)}.`);
  // A typed array of this realm passes at once; one of another realm (a worker, a vm context) by its class name.
  if (!(tensor.data instanceof TYPED_ARRAY_CLASS[tensor.type])) {
    const actual = typedArrayName(tensor.data);
    if (actual !== expected) throw invalid(name, `type ${tensor.type} needs a ${expected}, got ${actual ?? typeof tensor.data}.`);
  }
  const dims = tensor.dims;
  let size = 1;
  let integral = Array.isArray(dims);
  if (integral) {
    for (let k = 0; k < dims.length; k++) {
      const d = dims[k];
      if (!Number.isInteger(d) || (d as number) < 0) integral = false;
      else size *= d as number;
    }
  }
  if (!integral) throw invalid(name, `dims must be non-negative integers, got ${JSON.stringify(dims)}.`);
  if (size !== tensor.data.length) throw invalid(name, `dims ${JSON.stringify(dims)} hold ${size} elements, data has ${tensor.data.length}.`);
}

/**
 * Checks that `feeds` holds exactly the session's declared inputs, each a well-formed tensor. Throws
 * {@link InferenceFailedError} with `details.reason` `missing-input` / `unexpected-input` (and `details.missing`,
 * `details.unexpected`, `details.expected`) or `invalid-tensor`.
 */
export function checkFeeds(inputNames: readonly string[], feeds: Record<string, TensorV1>): void {
  if (typeof feeds !== 'object' || feeds === null) {
    throw new InferenceFailedError('Feeds must be an object of tensors.', { details: { reason: 'invalid-tensor' } });
  }
  const given = Object.keys(feeds);
  let declared = 0;
  for (const name of inputNames) if (Object.hasOwn(feeds, name)) declared++;
  // Every declared input given and nothing else (declared names are distinct): the common case, checked without
  // building the lists below.
  if (declared !== inputNames.length || given.length !== declared) {
    const missing = inputNames.filter((name) => !Object.hasOwn(feeds, name));
    const unexpected = given.filter((name) => !inputNames.includes(name));
    const reason = missing.length > 0 ? 'missing-input' : 'unexpected-input';
    const parts = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', unexpected.length > 0 ? `undeclared ${unexpected.join(', ')}` : ''];
    throw new InferenceFailedError(`Feeds must be exactly the session's inputs (${inputNames.join(', ')}): ${parts.filter(Boolean).join('; ')}.`, {
      details: { reason, missing, unexpected, expected: [...inputNames] },
    });
  }
  for (const name of inputNames) checkTensor(name, feeds[name] as TensorV1);
}
