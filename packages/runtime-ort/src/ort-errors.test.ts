import { InferenceFailedError, InvalidConfigError, InvalidModelError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { toCreateError, toRunError } from './ort-errors.js';

describe('onnxruntime error mapping', () => {
  it.each([
    'Failed to load model because protobuf parsing failed.',
    "Can't create a session. ERROR_CODE: 2, ERROR_MESSAGE: No graph was found in the protobuf.",
    "Load model from /x.onnx failed:Load model /x.onnx failed. File doesn't exist",
    "ENOENT: no such file or directory, open '/x.onnx'",
  ])('reads %j as an invalid model', (message) => {
    const error = toCreateError(new Error(message), { path: '/x.onnx' });
    expect(InvalidModelError.isInstance(error)).toBe(true);
    expect(error.details).toEqual({ path: '/x.onnx' });
    expect(error.cause).toBeInstanceOf(Error);
  });
  it('reads other creation failures as InferenceFailedError', () => {
    const error = toCreateError(new Error('OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library'), {});
    expect(InferenceFailedError.isInstance(error)).toBe(true);
    expect(InferenceFailedError.isInstance(toCreateError('no available backend found. ERR: [webgpu] backend not found.', {}))).toBe(true);
  });
  it('passes llm-shield errors through and wraps run failures', () => {
    const own = new InvalidConfigError('x');
    expect(toCreateError(own, {})).toBe(own);
    expect(toRunError(own)).toBe(own);
    const run = toRunError(new Error('Unexpected input data type'));
    expect(InferenceFailedError.isInstance(run)).toBe(true);
    expect(run.details.reason).toBe('run-failed');
  });
});
