import { InferenceFailedError, type TensorDataType, type TensorV1 } from '@llm-shield/core';
import * as ort from 'onnxruntime-web';
import { TYPED_ARRAY_OF, typedArrayName } from './tensor-check.js';

/** Wraps a checked {@link TensorV1} in an onnxruntime tensor over the same typed array (no copy). */
export function toOrtTensor(tensor: TensorV1): ort.Tensor {
  // The overloads of ort.Tensor pair each type with its typed array; TensorV1 guarantees the same pairing.
  return new ort.Tensor(tensor.type as 'float32', tensor.data as Float32Array, tensor.dims);
}

/**
 * Exposes an onnxruntime output tensor as a {@link TensorV1} over the same memory (no copy). float16 outputs
 * that arrive as `Float16Array` are viewed as `Uint16Array` bits. Types outside {@link TensorDataType} raise
 * {@link InferenceFailedError}.
 */
export function fromOrtTensor(name: string, tensor: ort.Tensor): TensorV1 {
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
