import { readFileSync } from 'node:fs';

/** The CLI's version, read from its `package.json` (`0.0.0` when unreadable). */
export function cliVersion(): string {
  try {
    // src/version.ts and dist/version.js both sit one level below package.json.
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
