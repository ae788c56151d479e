#!/usr/bin/env node
/**
 * Cold start of the CLI and the Node library entry, interleaved per round (each contender once per round, the
 * median over rounds reported), with the machine's load recorded:
 *   node -e 0 (Node itself) · llm-shield --help · scan --detection-mode heuristic · scan (embedded models)
 *   · createShield() + first embedded-model verdict, timed inside the process, and the same after importing every
 *   scanner family first (what the catalog did before families loaded lazily).
 * With --baseline DIR (a copy of an older build: DIR/packages/<name>/{package.json,dist,bin} and a DIR/node_modules that
 * resolves @llm-shield/* to DIR/packages), the CLI contenders also run from DIR in the same rounds, and the median of
 * the per-round ratios this tree ÷ DIR is printed (a before/after comparison that machine load hits alike).
 * Usage: node tools/bench/cold-start.mjs [--rounds 10] [--baseline DIR]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleBundles } from '../build/bundle-packages.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const rounds = Number(option('--rounds') || 10);
const baseline = option('--baseline');
const staleBuild = staleBundles();
if (staleBuild.length > 0) {
  console.error(`The bundles of ${staleBuild.join(', ')} are older than tsc's output: run \`npm run build\` (tsc -b alone does not rebundle).`);
  process.exit(1);
}
const cache = mkdtempSync(join(tmpdir(), 'llm-shield-cold-'));
const env = { ...process.env, LLM_SHIELD_HUB_CACHE: cache };
// The packages' entries as their exports resolve them (the published bundles), from the repository root.
const entry = (specifier) => fileURLToPath(import.meta.resolve(specifier));
const library = `const t0 = performance.now(); const { createShield } = await import(${JSON.stringify(entry('@llm-shield/node'))});
const shield = await createShield(); const t1 = performance.now();
const r = await shield.scanPrompt('hello'); const t2 = performance.now();
if (r.runs[0].result.method !== 'ml') throw new Error('not ml');
console.log(JSON.stringify({ create: t1 - t0, firstVerdict: t2 - t1, total: t2 - t0 }));`;
// The same, after importing every scanner family first: what the shield's catalog did before families loaded lazily.
const eagerLibrary = `await import(${JSON.stringify(entry('@llm-shield/scanners'))}); await import(${JSON.stringify(entry('@llm-shield/privacy'))});\n`;
const heuristicsImport = `const t0 = performance.now(); await import(${JSON.stringify(entry('@llm-shield/heuristics'))}); console.log(JSON.stringify({ import: performance.now() - t0 }));`;

const cli = (dir) => ({
  'llm-shield --help': [join(dir, 'packages/cli/dist/bin.js'), '--help'],
  'scan hello --detection-mode heuristic': [join(dir, 'packages/cli/dist/bin.js'), 'scan', '--detection-mode', 'heuristic', 'hello'],
  'scan hello (embedded models)': [join(dir, 'packages/cli/dist/bin.js'), 'scan', 'hello'],
});
const contenders = { 'node -e 0': ['-e', '0'] };
for (const [name, args] of Object.entries(cli(root))) {
  contenders[name] = args;
  if (baseline) contenders[`${name} (baseline)`] = cli(baseline)[name];
}
const wall = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
const inside = { create: [], firstVerdict: [], total: [], heuristicsImport: [], eagerTotal: [], lazyOverEager: [] };
const loads = [];
for (let round = 0; round < rounds; round++) {
  loads.push(loadavg()[0]);
  const names = Object.keys(contenders);
  for (const name of names.map((_, i) => names[(i + round) % names.length])) {
    const args = contenders[name];
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${name}: exit ${run.status}: ${run.stderr}`);
    wall[name].push(performance.now() - started);
  }
  const lib = spawnSync(process.execPath, ['--input-type=module', '-e', library], { env, encoding: 'utf8' });
  const measured = JSON.parse(lib.stdout);
  for (const key of ['create', 'firstVerdict', 'total']) inside[key].push(measured[key]);
  const eager = spawnSync(process.execPath, ['--input-type=module', '-e', library.replace('const t0 = performance.now();', `const t0 = performance.now(); ${eagerLibrary}`)], { env, encoding: 'utf8' });
  const eagerTotal = JSON.parse(eager.stdout).total;
  inside.eagerTotal.push(eagerTotal);
  inside.lazyOverEager.push(measured.total / eagerTotal);
  const heur = spawnSync(process.execPath, ['--input-type=module', '-e', heuristicsImport], { env, encoding: 'utf8' });
  inside.heuristicsImport.push(JSON.parse(heur.stdout).import);
}
rmSync(cache, { recursive: true, force: true });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`rounds ${rounds}, Node ${process.version}, load average during the run ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`);
for (const [name, values] of Object.entries(wall)) console.log(`${name.padEnd(40)} ${median(values).toFixed(0).padStart(6)} ms (median wall, process start to exit)`);
for (const name of Object.keys(baseline ? cli(root) : {})) {
  const ratios = wall[name].map((ms, i) => ms / wall[`${name} (baseline)`][i]);
  console.log(`${`${name}: this tree ÷ baseline`.padEnd(52)} ${median(ratios).toFixed(3)} (median of per-round ratios)`);
}
console.log(`${'import @llm-shield/heuristics'.padEnd(40)} ${median(inside.heuristicsImport).toFixed(0).padStart(6)} ms (inside the process)`);
console.log(`${'createShield()'.padEnd(40)} ${median(inside.create).toFixed(0).padStart(6)} ms (import + create, inside the process)`);
console.log(`${'first embedded-model verdict'.padEnd(40)} ${median(inside.firstVerdict).toFixed(0).padStart(6)} ms (after createShield)`);
console.log(`${'createShield() + first verdict'.padEnd(40)} ${median(inside.total).toFixed(0).padStart(6)} ms`);
console.log(`${'… with every family imported first'.padEnd(40)} ${median(inside.eagerTotal).toFixed(0).padStart(6)} ms (as before lazy families); lazy ÷ eager ${median(inside.lazyOverEager).toFixed(2)} (median of per-round ratios)`);
