import { describe, expect, it } from 'vitest';
import { ErrorCode, InvalidConfigError, InvalidModelError, LlmShieldError, ModelUnavailableError } from './errors.js';

describe('LlmShieldError', () => {
  it('carries a stable code, details and cause', () => {
    const cause = new Error('disk');
    const error = new ModelUnavailableError('no model', { cause, details: { model: 'x' } });
    expect(error.code).toBe('LLMS_MODEL_UNAVAILABLE');
    expect(error.name).toBe('ModelUnavailableError');
    expect(error.details).toEqual({ model: 'x' });
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
  });

  it('is recognised by isInstance across copies of the package (shared symbol, not instanceof)', () => {
    const foreign = Object.assign(new Error('from another copy'), { code: ErrorCode.InvalidConfig, [Symbol.for('llm-shield.error')]: true });
    expect(LlmShieldError.isInstance(foreign)).toBe(true);
    expect(InvalidConfigError.isInstance(foreign)).toBe(true);
    expect(InvalidModelError.isInstance(foreign)).toBe(false);
    expect(LlmShieldError.isInstance(new Error('plain'))).toBe(false);
    expect(LlmShieldError.isInstance(null)).toBe(false);
  });

  it('keeps every code unique', () => {
    const codes = Object.values(ErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^LLMS_[A-Z_]+$/);
  });
});
