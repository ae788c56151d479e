import { readFileSync } from 'node:fs';
import { ErrorCode } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-code.js';

const doc = readFileSync(new URL('../../../docs/troubleshooting.md', import.meta.url), 'utf8');

describe('docs/troubleshooting.md', () => {
  it('explains every error code', () => {
    const missing = Object.values(ErrorCode).filter((code) => !doc.includes(`| \`${code}\` |`));
    expect(missing).toEqual([]);
  });
  it('explains every CLI exit code', () => {
    const missing = Object.values(ExitCode).filter((code) => !doc.includes(`| ${code} |`));
    expect(missing).toEqual([]);
  });
});
