#!/usr/bin/env node
/**
 * Cold start of the CLI and the Node library entry, interleaved per round (each contender once per round, the
 * median over rounds reported), with the machine's load recorded:
 *   node -e 0 (Node itself) · llm-shield --help · scan --detection-mode heuristic · scan (embedded models)
 *   · createShield() + first embedded-model verdict, timed inside the process, and the same after importing every
 *   scanner family first (what the catalog did before families loaded lazily).
 * Usage: node tools/bench/cold-start.mjs [--rounds 10]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 10);
const bin = join(root, 'packages/cli/dist/bin.js');
const cache = mkdtempSync(join(tmpdir(), 'llm-shield-cold-'));
const env = { ...process.env, LLM_SHIELD_HUB_CACHE: cache };
const library = `const t0 = performance.now(); const { createShield } = await import(${JSON.stringify(join(root, 'packages/node/dist/index.js'))});
const shield = await createShield(); const t1 = performance.now();
const r = await shield.scanPrompt('hello'); const t2 = performance.now();
if (r.runs[0].result.method !== 'ml') throw new Error('not ml');
console.log(JSON.stringify({ create: t1 - t0, firstVerdict: t2 - t1, total: t2 - t0 }));`;
// The same, after importing every scanner family first: what the shield's catalog did before families loaded lazily.
const eagerLibrary = `await import(${JSON.stringify(join(root, 'packages/scanners/dist/index.js'))}); await import(${JSON.stringify(join(root, 'packages/privacy/dist/index.js'))});\n`;
const heuristicsImport = `const t0 = performance.now(); await import(${JSON.stringify(join(root, 'packages/heuristics/dist/index.js'))}); console.log(JSON.stringify({ import: performance.now() - t0 }));`;

const contenders = {
  'node -e 0': ['-e', '0'],
  'llm-shield --help': [bin, '--help'],
  'scan hello --detection-mode heuristic': [bin, 'scan', '--detection-mode', 'heuristic', 'hello'],
  'scan hello (embedded models)': [bin, 'scan', 'hello'],
};
const wall = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
const inside = { create: [], firstVerdict: [], total: [], heuristicsImport: [], eagerTotal: [], lazyOverEager: [] };
const loads = [];
for (let round = 0; round < rounds; round++) {
  loads.push(loadavg()[0]);
  for (const [name, args] of Object.entries(contenders)) {
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
console.log(`${'import @llm-shield/heuristics'.padEnd(40)} ${median(inside.heuristicsImport).toFixed(0).padStart(6)} ms (inside the process)`);
console.log(`${'createShield()'.padEnd(40)} ${median(inside.create).toFixed(0).padStart(6)} ms (import + create, inside the process)`);
console.log(`${'first embedded-model verdict'.padEnd(40)} ${median(inside.firstVerdict).toFixed(0).padStart(6)} ms (after createShield)`);
console.log(`${'createShield() + first verdict'.padEnd(40)} ${median(inside.total).toFixed(0).padStart(6)} ms`);
console.log(`${'… with every family imported first'.padEnd(40)} ${median(inside.eagerTotal).toFixed(0).padStart(6)} ms (as before lazy families); lazy ÷ eager ${median(inside.lazyOverEager).toFixed(2)} (median of per-round ratios)`);
