import { InvalidConfigError } from '@llm-shield/core';

/**
 * Imports an optional peer package (a detector we compare with) at run time. When it is not installed,
 * raises {@link InvalidConfigError} saying which package to install for which detector.
 *
 * @param specifier - the package name
 * @param detector - the `--detector` that needs it, for the message
 */
export async function loadPeer(specifier: string, detector: string): Promise<Record<string, unknown>> {
  try {
    // A non-literal specifier keeps TypeScript from resolving (and requiring types for) the optional package.
    const name: string = specifier;
    return (await import(name)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new InvalidConfigError(
        `Detector "${detector}" needs the optional peer dependency ${specifier}, which is not installed. Run: npm install ${specifier}`,
        { cause: error, details: { detector, package: specifier } },
      );
    }
    throw error;
  }
}

/** Reads the installed version of a peer package (for reports); `unknown` when it cannot be read. */
export async function peerVersion(specifier: string): Promise<string> {
  try {
    const { readFile } = await import('node:fs/promises');
    const { dirname, join } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    let dir = dirname(fileURLToPath(import.meta.resolve(specifier)));
    for (let i = 0; i < 6; i++) {
      try {
        const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === specifier && pkg.version) return pkg.version;
      } catch {
        // not here: keep walking up
      }
      dir = dirname(dir);
    }
  } catch {
    // not resolvable
  }
  return 'unknown';
}
