#!/usr/bin/env node
// Scanner p50 against its floor, tokenize + `session.run`, at batch 1 on the embedded models, with the rules'
// explanation on every result (`explain: true`, the old default), on flagged results only (`explain: 'flagged'`, the
// default) and off. The floor encodes the text exactly as the scanner does (`longInput: { mode: 'full', maxLength }`
// on both sides: one sequence of `maxLength` tokens, special tokens included), builds the same int64 tensors and runs
// onnxruntime-node's session directly. All contenders run on every text, in a shuffled order per text
// (interleavedPass with order 'shuffled'); per round, each contender's p50 over the texts is divided by the floor's p50 of the same round;
// the figure is the median of those per-round ratios, printed with every round's ratio. One onnxruntime thread.
// Not a test.
//
// Usage (from the repository root, after `npm run build`):
//   node tools/bench/scanner-overhead.mjs [--variants int8,fp32] [--lengths 16,64,window] [--rounds 5] [--texts 8]
//     [--models prompt-injection,toxicity,sentiment,emotion] [--explain true,flagged,false] [--passes 5] [--warmup 1] [--warmup-ms 4000]
// `window` is the model's own maximum length (512 prompt-injection, 256 toxicity, 128 sentiment and emotion);
// `--passes` repeats each round's pass over the texts (more calls per round, steadier p50s); untimed passes come
// first (session loads, JIT): at least `--warmup` of them and for at least `--warmup-ms`.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPool, strideSample } from './ml/corpus.mjs';
import { readJson, REPO_ROOT } from './ml/model-folder.mjs';
import { EMBEDDED_DIR, EMBEDDED_MODELS, splitVariant, variantPath, variantSource } from './ml/production-models.mjs';
import { interleavedPass, quantile } from './ml/stats.mjs';

const { values } = parseArgs({
  options: {
    variants: { type: 'string', default: 'int8,fp32' },
    lengths: { type: 'string', default: '16,64' },
    rounds: { type: 'string', default: '5' },
    texts: { type: 'string', default: '8' },
    models: { type: 'string', default: 'prompt-injection,toxicity,sentiment' },
    explain: { type: 'string', default: 'true,flagged,false' },
    passes: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    'warmup-ms': { type: 'string', default: '4000' },
    datasets: { type: 'string', default: process.env.LLM_SHIELD_DATASETS ?? join(REPO_ROOT, '..', 'shared', 'datasets') },
  },
});
const list = (name) => values[name].split(',').map((s) => s.trim()).filter(Boolean);
const rounds = Number.parseInt(values.rounds, 10);
const textCount = Number.parseInt(values.texts, 10);
const passes = Number.parseInt(values.passes, 10);
const MODELS = [...EMBEDDED_MODELS, { scanner: 'EmotionDetection', name: 'emotion' }].filter((m) => list('models').includes(m.name));
const EXPLAIN = { true: true, flagged: 'flagged', false: false };
const explains = list('explain').filter((k) => k in EXPLAIN);
const ort = await import('onnxruntime-node');
const { createNodeRuntime } = await import('@llm-shield/runtime-node');
const { createTokenizer } = await import('@llm-shield/tokenizer');
const scanners = await import('@llm-shield/scanners');
const runtime = createNodeRuntime({ intraOpThreads: 1, interOpThreads: 1 });
const pool = loadPool(undefined, values.datasets);
const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}; load ${loadBefore}; ${rounds} rounds × ${textCount} texts, 1 thread`);
const heads = { true: 'explain: true', flagged: "explain: 'flagged' (default)", false: 'explain: false' };
console.log(`| model | variant | tokens | floor p50 ms | ${explains.map((k) => heads[k]).join(' | ')} | per-round ratios (${explains.includes('flagged') ? "'flagged'" : explains[0]}) | load |`);
console.log(`| --- | --- | ---: | ---: | ${explains.map(() => '---:').join(' | ')} | --- | --- |`);

for (const variantName of list('variants')) {
  for (const m of MODELS) {
    const dir = join(EMBEDDED_DIR, m.name);
    if (!existsSync(variantPath(dir, variantName))) continue;
    const tokConfigPath = join(dir, 'tokenizer_config.json');
    const tokenizer = createTokenizer(readJson(join(dir, 'tokenizer.json')), existsSync(tokConfigPath) ? readJson(tokConfigPath) : {});
    const raw = await ort.InferenceSession.create(variantPath(dir, variantName), { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential' });
    const { variant, suffix } = splitVariant(variantName);
    const lengths = [...new Set(list('lengths').map((x) => (x === 'window' ? tokenizer.modelMaxLength : Math.min(Number(x), tokenizer.modelMaxLength))))];
    for (const length of lengths) {
      const texts = [];
      for (const text of strideSample(pool.filter((t) => t.length >= length * 2), 400)) {
        if (tokenizer.tokenizeToIds(text.slice(0, length * 12)).length + tokenizer.specialTokenCount >= length) texts.push(text);
        if (texts.length >= textCount) break;
      }
      const longInput = { mode: 'full', maxLength: length };
      const build = (explain) => new scanners[m.scanner]({ model: { source: variantSource(dir, suffix), runtime, id: m.name, variant }, mode: 'ml', useFallback: false, explain, longInput });
      const contenders = Object.fromEntries(explains.map((k) => [k, build(EXPLAIN[k])]));
      const floor = async (i) => {
        const e = tokenizer.encode(texts[i], { maxLength: length, truncation: { strategy: 'right' }, padding: 'none' });
        const cols = { input_ids: e.ids, attention_mask: e.attentionMask, token_type_ids: e.tokenTypeIds ?? e.ids.map(() => 0) };
        return raw.run(Object.fromEntries(raw.inputNames.map((n) => [n, new ort.Tensor('int64', BigInt64Array.from(cols[n], BigInt), [1, cols[n].length])])));
      };
      const methods = { floor, ...Object.fromEntries(Object.entries(contenders).map(([k, s]) => [k, (i) => s.scanMany([texts[i]])])) };
      if (texts.length === 0) continue;
      // warm-up: loads the sessions and lets the JIT compile both paths before anything is timed
      const warmUntil = performance.now() + Number(values['warmup-ms']);
      for (let w = 0; w < Number.parseInt(values.warmup, 10) || performance.now() < warmUntil; w++) await interleavedPass(methods, texts.length, { order: 'shuffled' });
      const ratios = Object.fromEntries(explains.map((k) => [k, []]));
      const floors = [];
      for (let r = 0; r < rounds; r++) {
        const t = Object.fromEntries(Object.keys(methods).map((k) => [k, []]));
        for (let p = 0; p < passes; p++) {
          const one = await interleavedPass(methods, texts.length, { order: 'shuffled' });
          for (const k of Object.keys(one)) t[k].push(...one[k]);
        }
        const f = quantile(t.floor, 0.5);
        floors.push(f);
        for (const k of Object.keys(ratios)) ratios[k].push(quantile(t[k], 0.5) / f);
      }
      const med = (xs) => `${quantile(xs, 0.5).toFixed(2)}×`;
      const shown = ratios.flagged ?? ratios[explains[0]];
      console.log(`| ${m.name} | ${variantName} | ${length} | ${quantile(floors, 0.5).toFixed(3)} | ${explains.map((k) => med(ratios[k])).join(' | ')} | ${shown.map((x) => x.toFixed(2)).join(' ')} | ${loadavg()[0].toFixed(2)} |`);
    }
    await raw.release();
  }
}
