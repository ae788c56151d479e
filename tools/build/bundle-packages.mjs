#!/usr/bin/env node
/**
 * Bundles the compiled ESM of the packages that publish bundles: one file per entry (plus shared chunks when a
 * package has several entries), so that importing a package opens and compiles one module instead of dozens.
 *
 * A package opts in by pointing an export's `import`/`default` target at `./dist/bundle/<path>.js`; that file is
 * bundled from tsc's output `./dist/<path>.js` (which `tsc -b` writes first, with its source maps, which the bundle's
 * map chains back to `src/`). Bare imports (other packages, `node:` built-ins) stay imports; only the package's own
 * relative modules are inlined. Types stay tsc's (`./dist/<path>.d.ts`); the `@llm-shield/source` condition
 * (tests, dev) still points at `src/`.
 *
 * Usage: node tools/build/bundle-packages.mjs [package-dir-name ...]   (default: every package under packages/)
 * Run by the root `build` script after `tsc -b tsconfig.build.json` and by each opted-in package's Nx build target.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE_DIR = './dist/bundle/';

/** Every `import`/`default` target under `./dist/bundle/` in a package.json `exports` value (any nesting). */
function bundleTargets(exportsField, found = new Set()) {
  if (typeof exportsField === 'string') {
    if (exportsField.startsWith(BUNDLE_DIR) && exportsField.endsWith('.js')) found.add(exportsField);
  } else if (exportsField && typeof exportsField === 'object') {
    for (const [key, value] of Object.entries(exportsField)) {
      if (key === 'types' || key === '@llm-shield/source') continue;
      bundleTargets(value, found);
    }
  }
  return found;
}

/** Every `.js` target (any condition but `types` and `@llm-shield/source`) in a package.json `exports` value. */
function runtimeTargets(exportsField, found = new Set()) {
  if (typeof exportsField === 'string') {
    if (exportsField.endsWith('.js')) found.add(exportsField);
  } else if (exportsField && typeof exportsField === 'object') {
    for (const [key, value] of Object.entries(exportsField)) {
      if (key === 'types' || key === '@llm-shield/source') continue;
      runtimeTargets(value, found);
    }
  }
  return found;
}

/** Bundles one package's entries; returns the number of entries, 0 when it publishes no bundle. */
export async function bundlePackage(packageDir) {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const targets = [...bundleTargets(manifest.exports)].sort();
  if (targets.length === 0) return 0;
  // Every JavaScript entry of a bundled package must be bundled: an entry left on tsc's per-file output would load
  // its own copies of modules the bundles hold too (two module instances, two of each class).
  const unbundled = [...runtimeTargets(manifest.exports)].filter((target) => !target.startsWith(BUNDLE_DIR));
  if (unbundled.length > 0) {
    throw new Error(`${manifest.name}: export target(s) ${unbundled.join(', ')} not under ${BUNDLE_DIR}; point every JavaScript entry of a bundled package at ${BUNDLE_DIR}<path>.js`);
  }
  const outdir = join(packageDir, 'dist/bundle');
  const entryPoints = {};
  for (const target of targets) {
    const input = join(packageDir, 'dist', target.slice(BUNDLE_DIR.length));
    if (!existsSync(input)) throw new Error(`${manifest.name}: ${relative(root, input)} is missing; run tsc -b first`);
    entryPoints[target.slice(BUNDLE_DIR.length, -'.js'.length)] = input;
  }
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true, // also for one entry: a relative dynamic import() stays a separate, lazily loaded chunk
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: manifest.nx?.tags?.includes('platform:node') ? 'node' : 'neutral',
    target: 'es2022',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'inline',
    logLevel: 'warning',
    metafile: false,
  });
  if (result.errors.length > 0) throw new Error(`${manifest.name}: bundling failed`);
  return targets.length;
}

/**
 * The opted-in packages whose bundle is missing or older than a file of tsc's output (`tsc -b` ran after the last
 * bundling, so the bundle may be stale), as `packages/<dir>` paths. For scripts that run the built packages.
 */
export function staleBundles() {
  const stale = [];
  for (const dir of readdirSync(join(root, 'packages'))) {
    const packageDir = join(root, 'packages', dir);
    if (!existsSync(join(packageDir, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    const targets = [...bundleTargets(manifest.exports)];
    if (targets.length === 0) continue;
    const bundled = targets.map((target) => join(packageDir, target));
    if (!bundled.every((file) => existsSync(file))) {
      stale.push(`packages/${dir}`);
      continue;
    }
    const bundledAt = Math.min(...bundled.map((file) => statSync(file).mtimeMs));
    const newest = (folder) => {
      let latest = 0;
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (path !== join(packageDir, 'dist/bundle')) latest = Math.max(latest, newest(path));
        } else if (entry.name.endsWith('.js')) latest = Math.max(latest, statSync(path).mtimeMs);
      }
      return latest;
    };
    if (newest(join(packageDir, 'dist')) > bundledAt) stale.push(`packages/${dir}`);
  }
  return stale;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const requested = process.argv.slice(2);
  const dirs = requested.length > 0 ? requested : readdirSync(join(root, 'packages'));
  for (const dir of dirs) {
    const packageDir = join(root, 'packages', dir);
    if (!existsSync(join(packageDir, 'package.json'))) throw new Error(`no package at packages/${dir}`);
    const entries = await bundlePackage(packageDir);
    if (entries > 0) console.log(`bundled packages/${dir}: ${entries} entr${entries === 1 ? 'y' : 'ies'} → dist/bundle/`);
  }
}
