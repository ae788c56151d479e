#!/usr/bin/env node
// Scanner p50 against its floor, tokenize + `session.run`, at batch 1 on the embedded models, with the rules'
// explanation on every result (`explain: true`, the old default), on flagged results only (`explain: 'flagged'`, the
// default) and off. All contenders run on every text, their order rotated per text (interleavedPass); per round,
// each contender's p50 over the texts is divided by the floor's p50 of the same round; the figure is the median of
// those per-round ratios. One onnxruntime thread. Not a test.
//
// Usage (from the repository root, after `npm run build`):
//   node tools/bench/scanner-overhead.mjs [--variants int8,fp32] [--lengths 16,64] [--rounds 5] [--texts 8]
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
    datasets: { type: 'string', default: process.env.LLM_SHIELD_DATASETS ?? join(REPO_ROOT, '..', 'shared', 'datasets') },
  },
});
const list = (name) => values[name].split(',').map((s) => s.trim()).filter(Boolean);
const rounds = Number.parseInt(values.rounds, 10);
const textCount = Number.parseInt(values.texts, 10);
const ort = await import('onnxruntime-node');
const { createNodeRuntime } = await import('@llm-shield/runtime-node');
const { createTokenizer } = await import('@llm-shield/tokenizer');
const scanners = await import('@llm-shield/scanners');
const runtime = createNodeRuntime({ intraOpThreads: 1, interOpThreads: 1 });
const pool = loadPool(undefined, values.datasets);
const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}; load ${loadBefore}; ${rounds} rounds × ${textCount} texts, 1 thread`);
console.log('| model | variant | tokens | floor p50 ms | explain: true | explain: \'flagged\' (default) | explain: false | load |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');

for (const variantName of list('variants')) {
  for (const m of EMBEDDED_MODELS) {
    const dir = join(EMBEDDED_DIR, m.name);
    if (!existsSync(variantPath(dir, variantName))) continue;
    const tokConfigPath = join(dir, 'tokenizer_config.json');
    const tokenizer = createTokenizer(readJson(join(dir, 'tokenizer.json')), existsSync(tokConfigPath) ? readJson(tokConfigPath) : {});
    const raw = await ort.InferenceSession.create(variantPath(dir, variantName), { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential' });
    const { variant, suffix } = splitVariant(variantName);
    for (const length of list('lengths').map(Number)) {
      const texts = [];
      for (const text of strideSample(pool.filter((t) => t.length >= length * 2), 400)) {
        if (tokenizer.tokenizeToIds(text.slice(0, length * 12)).length + tokenizer.specialTokenCount >= length) texts.push(text);
        if (texts.length >= textCount) break;
      }
      const longInput = { mode: 'full', maxLength: length };
      const build = (explain) => new scanners[m.scanner]({ model: { source: variantSource(dir, suffix), runtime, id: m.name, variant }, mode: 'ml', useFallback: false, explain, longInput });
      const contenders = { true: build(true), flagged: build('flagged'), false: build(false) };
      const floor = async (i) => {
        const e = tokenizer.encode(texts[i], { maxLength: length, truncation: { strategy: 'right' }, padding: 'none' });
        const cols = { input_ids: e.ids, attention_mask: e.attentionMask, token_type_ids: e.tokenTypeIds ?? e.ids.map(() => 0) };
        return raw.run(Object.fromEntries(raw.inputNames.map((n) => [n, new ort.Tensor('int64', BigInt64Array.from(cols[n], BigInt), [1, cols[n].length])])));
      };
      const methods = { floor, ...Object.fromEntries(Object.entries(contenders).map(([k, s]) => [k, (i) => s.scanMany([texts[i]])])) };
      await interleavedPass(methods, texts.length); // warm-up, loads the sessions
      const ratios = { true: [], flagged: [], false: [] };
      const floors = [];
      for (let r = 0; r < rounds; r++) {
        const t = await interleavedPass(methods, texts.length);
        const f = quantile(t.floor, 0.5);
        floors.push(f);
        for (const k of Object.keys(ratios)) ratios[k].push(quantile(t[k], 0.5) / f);
      }
      const med = (xs) => `${quantile(xs, 0.5).toFixed(2)}×`;
      console.log(`| ${m.name} | ${variantName} | ${length} | ${quantile(floors, 0.5).toFixed(3)} | ${med(ratios.true)} | ${med(ratios.flagged)} | ${med(ratios.false)} | ${loadavg()[0].toFixed(2)} |`);
    }
    await raw.release();
  }
}
