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
  it('reads a model with external data given as bytes as an invalid model, and says to give a path', () => {
    const message =
      'External data path validation failed for initializer: W. Error: External data path for model loaded from bytes escapes working directory.';
    const fromBytes = toCreateError(new Error(message), { bytes: 279 });
    expect(InvalidModelError.isInstance(fromBytes)).toBe(true);
    expect(fromBytes.message).toMatch(/must be given as \{ path \}/);
    const fromPath = toCreateError(new Error(message), { path: '/m/model.onnx' });
    expect(InvalidModelError.isInstance(fromPath)).toBe(true);
    expect(fromPath.message).not.toMatch(/must be given as/);
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
