#!/usr/bin/env node
// Start-up cost: wall time of fresh node processes, the contenders interleaved per round (median of per-round
// ratios against `node -e 0`, and each contender's median wall time). Not a test.
//   node -e 0                                                  Node itself
//   node -e "await import('@llm-shield/heuristics')"           the rule-based detectors' module load
//   node packages/cli/dist/bin.js scan hello --detection-mode heuristic   the CLI, rules only
//   node packages/cli/dist/bin.js scan hello                   the CLI with the embedded models
// With --baseline DIR (a copy of an older build: DIR/packages/<name>/{package.json,dist,bin} and a DIR/node_modules
// resolving @llm-shield/* to DIR/packages), each contender but `node -e 0` also runs from DIR in the same rounds,
// and the median of the per-round ratios this tree ÷ DIR is printed: a before/after comparison that machine load
// hits alike.
// Usage (from the repository root, after `npm run build`):
//   node tools/bench/import-time.mjs [--runs 10] [--no-cli] [--baseline DIR]
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { staleBundles } from '../build/bundle-packages.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10' }, 'no-cli': { type: 'boolean', default: false }, baseline: { type: 'string' } },
});
const runs = Number.parseInt(values.runs, 10);
const staleBuild = staleBundles();
if (staleBuild.length > 0) {
  console.error(`The bundles of ${staleBuild.join(', ')} are older than tsc's output: run \`npm run build\` (tsc -b alone does not rebundle).`);
  process.exit(1);
}
const here = process.cwd();
const measured = {
  "import('@llm-shield/heuristics')": ['--input-type=module', '-e', "await import('@llm-shield/heuristics')"],
  ...(values['no-cli']
    ? {}
    : {
        'cli scan hello --detection-mode heuristic': ['packages/cli/dist/bin.js', 'scan', 'hello', '--detection-mode', 'heuristic'],
        'cli scan hello': ['packages/cli/dist/bin.js', 'scan', 'hello'],
      }),
};
/** name → [args, cwd] */
const contenders = { 'node -e 0': [['-e', '0'], here] };
for (const [name, args] of Object.entries(measured)) {
  contenders[name] = [args, here];
  if (values.baseline) contenders[`${name} (baseline)`] = [args, resolve(values.baseline)];
}
const names = Object.keys(contenders);
const times = Object.fromEntries(names.map((n) => [n, []]));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
for (let r = 0; r < runs + 1; r++) {
  const order = names.map((_, i) => names[(i + r) % names.length]);
  for (const name of order) {
    const [args, cwd] = contenders[name];
    const start = performance.now();
    const child = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - start;
    if (child.error) throw child.error;
    if (child.status !== 0 && child.status !== 1) throw new Error(`${name}: exit ${child.status}: ${child.stderr}`);
    if (r > 0) times[name].push(ms); // round 0 warms the file cache
  }
}
console.log(`${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}; load ${loadBefore} → ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${runs} interleaved runs`);
const base = times['node -e 0'];
for (const name of names) {
  const ratios = times[name].map((t, i) => t / base[i]);
  console.log(`${name.padEnd(56)} median ${median(times[name]).toFixed(0)} ms, ${median(ratios).toFixed(2)}× node -e 0 (median of per-run ratios)`);
}
if (values.baseline) {
  for (const name of Object.keys(measured)) {
    const ratios = times[name].map((t, i) => t / times[`${name} (baseline)`][i]);
    console.log(`${`${name}: this tree ÷ baseline`.padEnd(56)} ${median(ratios).toFixed(3)} (median of per-run ratios)`);
  }
}
