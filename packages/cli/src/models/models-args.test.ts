import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import { parseModelsArgs } from './models-args.js';

describe('parseModelsArgs', () => {
  it('reads the subcommand, the model and the global options anywhere', () => {
    expect(parseModelsArgs(['pull', 'tiny', '--variant', 'int8', '--cache-dir', '/c', '--offline', '--json'])).toMatchObject({
      help: false,
      subcommand: 'pull',
      model: 'tiny',
      variant: 'int8',
      cacheDir: '/c',
      offline: true,
      json: true,
    });
    expect(parseModelsArgs(['--hub-url', 'http://h', 'list'])).toMatchObject({ subcommand: 'list', hubUrl: 'http://h', registryFiles: [] });
    expect(parseModelsArgs([]).help).toBe(true);
    expect(parseModelsArgs(['pull', 'tiny', '--timeout', '2.5']).timeoutMs).toBe(2_500);
    expect(parseModelsArgs(['check', '--all', '--timeout', '30']).timeoutMs).toBe(30_000);
    expect(parseModelsArgs(['pull', '--help']).help).toBe(true);
  });

  it.each([
    [['frob']],
    [['pull']],
    [['pull', 'a', 'b']],
    [['remove']],
    [['path']],
    [['clean', 'tiny']],
    [['pull', 'tiny', '--all']],
    [['pull', 'tiny', '--variant', 'fp64']],
    [['verify', '--variant', 'fp32']],
    [['pull', '--all', '--revision', 'main']],
    [['list', '--apply']],
    [['pull', 'x', '--force']],
    [['verify', '--verify']],
    [['list', '--bogus']],
    [['pull', 'tiny', '--timeout', '0']],
    [['pull', 'tiny', '--timeout', 'soon']],
    [['list', '--timeout', '5']],
  ])('rejects %j as a usage error', (args) => {
    expect(() => parseModelsArgs(args)).toThrow(UsageError);
  });
});
