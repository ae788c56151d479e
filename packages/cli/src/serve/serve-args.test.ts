import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import { parseServeArgs } from './serve-args.js';

describe('parseServeArgs', () => {
  it('has llm-guard-api\'s port and a loopback host by default', () => {
    expect(parseServeArgs(['--config', 'x.yml'])).toEqual({ help: false, config: 'x.yml', port: 8000, host: '127.0.0.1', workers: 1, strict: false, detectionMode: undefined });
  });
  it('reads every option', () => {
    expect(parseServeArgs(['-c', 'x.yml', '--port', '0', '--host', '0.0.0.0', '--workers', '2', '--strict', '--detection-mode', 'heuristic'])).toMatchObject({ port: 0, host: '0.0.0.0', workers: 2, strict: true, detectionMode: 'heuristic' });
  });
  it('refuses bad arguments', () => {
    for (const argv of [[], ['--config', 'x', '--port', '70000'], ['--config', 'x', '--port', '-1'], ['--config', 'x', '--workers', '0'], ['--config', 'x', '--workers', '65'], ['--config', 'x', 'extra'], ['--config', 'x', '--strict', '--skip-unknown'], ['--config', 'x', '--detection-mode', 'fast'], ['--config', 'x', '--bogus']]) {
      expect(() => parseServeArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });
});
