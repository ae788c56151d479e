import { InferenceFailedError, type TensorDataType, type TensorV1 } from '@llm-shield/core';
import type { Tensor as OrtTensor } from 'onnxruntime-common';
import { TYPED_ARRAY_OF, typedArrayName } from './tensor-check.js';

/** The `Tensor` class of the onnxruntime build in use (onnxruntime-node and onnxruntime-web each bundle their own). */
export type OrtTensorConstructor = new (type: 'float32', data: Float32Array, dims: readonly number[]) => OrtTensor;

/**
 * Wraps a checked {@link TensorV1} in an onnxruntime tensor over the same typed array (no copy).
 *
 * @param tensor - the checked tensor
 * @param Tensor - `ort.Tensor` of the backend that will run it (its `run` checks `instanceof` its own class)
 */
export function toOrtTensor(tensor: TensorV1, Tensor: OrtTensorConstructor): OrtTensor {
  // The overloads of ort.Tensor pair each type with its typed array; TensorV1 guarantees the same pairing.
  return new Tensor(tensor.type as 'float32', tensor.data as Float32Array, tensor.dims);
}

/**
 * Exposes an onnxruntime output tensor as a {@link TensorV1} over the same memory (no copy). float16 outputs
 * that arrive as `Float16Array` are viewed as `Uint16Array` bits. Types outside {@link TensorDataType} raise
 * {@link InferenceFailedError}.
 */
export function fromOrtTensor(name: string, tensor: OrtTensor): TensorV1 {
  const type = tensor.type as TensorDataType;
  if (!Object.hasOwn(TYPED_ARRAY_OF, type)) {
    throw new InferenceFailedError(`Output "${name}" has type ${tensor.type}, which TensorV1 cannot hold.`, {
      details: { reason: 'unsupported-output-type', output: name, type: tensor.type },
    });
  }
  let data = tensor.data as TensorV1['data'];
  if (type === 'float16' && typedArrayName(data) !== 'Uint16Array') {
    const view = data as unknown as ArrayBufferView & { length: number };
    data = new Uint16Array(view.buffer, view.byteOffset, view.length);
  }
  return { type, dims: [...tensor.dims], data } as TensorV1;
}
