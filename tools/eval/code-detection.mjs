#!/usr/bin/env node
/**
 * Code detection (code vs prose) and programming-language identification, measured on the shared sets.
 * Code: extra/humaneval.jsonl (Python stubs) and the code files of secrets/credsweeper-samples (language by
 * extension). Prose: benign prompt sets (alpaca-eval, nq-open, dstc8, gsm8k, self-instruct, awesome-chatgpt-prompts,
 * gpteacher roleplay, tatoeba). Language identification also uses a silver set from extra/gpteacher_codegen.jsonl:
 * requests whose first paragraph names exactly one language and whose input (after the first blank line) holds code.
 *
 * Compared: llm-shield's line rules (findCodeBlocks, packages/scanners/dist) at several thresholds vs highlight.js'
 * highlightAuto relevance on the whole text at several floors; and for languages, llm-shield's signature rules vs
 * highlight.js auto-detection vs the combination the Code scanner uses.
 *
 * highlight.js is a devDependency of packages/scanners, used only here.
 *
 * Usage (build packages/scanners first): node tools/eval/code-detection.mjs [--datasets ../shared/datasets]
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve, dirname, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const i = args.indexOf('--datasets');
const datasets = resolve(i >= 0 ? args[i + 1] : join(here, '../../../shared/datasets'));
const dist = join(here, '../../packages/scanners/dist/content');
if (!existsSync(dist)) throw new Error('build packages/scanners first (npx tsc -b tsconfig.build.json)');
const load = (f) => import(pathToFileURL(join(dist, f)).href);
const { findCodeBlocks } = await load('code-blocks.js');
const { identifyCodeLanguageByRules } = await load('code-language-identifier.js');
const { CODE_LANGUAGES } = await load('code-languages.js');
const hljs = (await import('highlight.js/lib/core')).default;
for (const l of CODE_LANGUAGES) if (l.hljs) hljs.registerLanguage(l.hljs, (await import(`highlight.js/lib/languages/${l.hljs}`)).default);
const subset = CODE_LANGUAGES.filter((l) => l.hljs).map((l) => l.hljs);
const byHljs = new Map(CODE_LANGUAGES.filter((l) => l.hljs).map((l) => [l.hljs, l.name]));
/** highlight.js auto-detection over the same languages; confidence (1 - e^(-relevance/5)) × relevance / (relevance + second). */
const identifyHljs = (code) => {
  const r = hljs.highlightAuto(code.slice(0, 4000), subset);
  const name = r.language ? byHljs.get(r.language) : undefined;
  if (!name || !(r.relevance > 0)) return undefined;
  const second = r.secondBest?.relevance ?? 0;
  return { language: name, confidence: (1 - Math.exp(-r.relevance / 5)) * (r.relevance / (r.relevance + second)) };
};

const jsonl = (p) => readFileSync(join(datasets, p), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
const cap = (arr, n) => arr.slice(0, n);

// --- code samples
const EXT = { py: 'Python', go: 'Go', java: 'Java', js: 'JavaScript', php: 'PHP', c: 'C', h: 'C', cc: 'C++', cpp: 'C++', rb: 'Ruby', rs: 'Rust', cs: 'C#', sh: 'Shell', kt: 'Kotlin', swift: 'Swift', sql: 'SQL', ts: 'TypeScript', html: 'HTML', yaml: 'YAML', yml: 'YAML' };
const walk = (d) => readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : [p]; });
const cred = walk(join(datasets, 'secrets/credsweeper-samples')).map((p) => ({ p, lang: EXT[extname(p).slice(1)] }))
  .filter((x) => x.lang && !['HTML', 'YAML'].includes(x.lang)).map((x) => ({ text: readFileSync(x.p, 'utf8').slice(0, 4000), lang: x.lang }));
const humaneval = jsonl('extra/humaneval.jsonl').map((text) => ({ text, lang: 'Python' }));
const codeSets = { 'humaneval (Python stubs)': humaneval, 'credsweeper code files': cred };

// --- prose samples
const alpaca = JSON.parse(readFileSync(join(datasets, 'benign_prompts/alpaca-eval-805/example/outputs.json'), 'utf8')).map((r) => r.instruction);
const nq = readFileSync(join(datasets, 'benign_prompts/nq-open/nq_open/NQ-open.dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).question);
const acp = readFileSync(join(datasets, 'benign_prompts/awesome-chatgpt-prompts/prompts.csv'), 'utf8').split('\n').slice(1).map((l) => l.replace(/^"[^"]*","/, '').replace(/"$/, '')).filter((t) => t.length > 20);
const tatoebaDir = join(datasets, 'benign_prompts/tatoeba-laser-multilingual/data/tatoeba/v1');
const tatoeba = readdirSync(tatoebaDir).filter((f) => f.startsWith('tatoeba.')).flatMap((f) => cap(readFileSync(join(tatoebaDir, f), 'utf8').split('\n').filter(Boolean), 50));
const proseSets = {
  'alpaca-eval instructions': alpaca,
  'nq-open questions': nq,
  'dstc8 user turns': jsonl('extra/dstc8_sgd_user.jsonl'),
  'gsm8k test': jsonl('extra/gsm8k_test.jsonl'),
  'self-instruct seeds': jsonl('extra/self_instruct_seed.jsonl'),
  'awesome-chatgpt-prompts': acp,
  'gpteacher roleplay': jsonl('extra/gpteacher_roleplay.jsonl'),
  'tatoeba (45 languages × 50)': tatoeba,
};

const ours = (text) => Math.max(0, ...findCodeBlocks(text).map((b) => b.confidence));
const hl = (text) => hljs.highlightAuto(text.slice(0, 4000), subset).relevance;
const detectors = [
  ...[0.5, 0.9, 0.97].map((t) => ({ name: `llm-shield rules, confidence > ${t}`, f: (x) => ours(x) > t })),
  ...[5, 10, 20].map((f) => ({ name: `highlight.js relevance ≥ ${f}`, f: (x) => hl(x) >= f })),
];
console.log('## Code vs prose: share of texts flagged as containing code\n');
const allSets = [...Object.entries(codeSets).map(([k, v]) => [k, v.map((x) => x.text), true]), ...Object.entries(proseSets).map(([k, v]) => [k, v, false])];
console.log('| set | texts | kind | ' + detectors.map((d) => d.name).join(' | ') + ' |');
console.log('|---|---|---|' + detectors.map(() => '---|').join(''));
const totals = detectors.map(() => ({ tp: 0, p: 0, fp: 0, n: 0, sec: 0 }));
for (const [name, texts, isCode] of allSets) {
  const cells = detectors.map((d, k) => {
    const t0 = process.hrtime.bigint();
    const hits = texts.filter((t) => d.f(t)).length;
    totals[k].sec += Number(process.hrtime.bigint() - t0) / 1e9;
    if (isCode) { totals[k].tp += hits; totals[k].p += texts.length; } else { totals[k].fp += hits; totals[k].n += texts.length; }
    return (hits / texts.length).toFixed(3);
  });
  console.log(`| ${name} | ${texts.length} | ${isCode ? 'code' : 'prose'} | ${cells.join(' | ')} |`);
}
console.log(`| **recall on code / false-positive rate on prose** | | | ` + totals.map((t) => `${(t.tp / t.p).toFixed(3)} / ${(t.fp / t.n).toFixed(4)}`).join(' | ') + ' |');
console.log(`| **balanced accuracy** | | | ` + totals.map((t) => ((t.tp / t.p + 1 - t.fp / t.n) / 2).toFixed(3)).join(' | ') + ' |');
console.log(`| texts/s | | | ` + totals.map((t) => Math.round((t.p + t.n) / t.sec).toLocaleString('en-US')).join(' | ') + ' |');

// --- gpteacher codegen (requests for code: mixed; informational)
const codegen = jsonl('extra/gpteacher_codegen.jsonl');
console.log(`\ngpteacher codegen requests (${codegen.length}, mostly prose asking for code, some with code inputs): flagged by llm-shield rules > 0.97: ${(codegen.filter((t) => ours(t) > 0.97).length / codegen.length).toFixed(3)}; highlight.js ≥ 10: ${(codegen.filter((t) => hl(t) >= 10).length / codegen.length).toFixed(3)}`);

// --- language identification
const NAMES = { Python: /\bPython\b/, JavaScript: /\bJavaScript\b/, Java: /\bJava\b/, 'C++': /C\+\+/, 'C#': /C#/, C: /\bC\b(?![+#])/, Ruby: /\bRuby\b/, PHP: /\bPHP\b/, Shell: /\b(?:Bash|shell)\b/i, SQL: /\bSQL\b/, Go: /\bGolang\b|\bGo\b(?= (?:code|function|program))/, Rust: /\bRust\b/, Swift: /\bSwift\b/, Kotlin: /\bKotlin\b/, TypeScript: /\bTypeScript\b/ };
const silver = [];
for (const t of codegen) {
  const cut = t.indexOf('\n\n');
  if (cut < 0) continue;
  const head = t.slice(0, cut);
  const body = t.slice(cut + 2);
  const named = Object.entries(NAMES).filter(([, re]) => re.test(head)).map(([n]) => n);
  if (named.length !== 1) continue;
  const blocks = findCodeBlocks(body).filter((b) => b.kind !== 'inline');
  if (blocks.length === 0) continue;
  silver.push({ text: blocks.map((b) => b.span.text).join('\n'), lang: named[0] });
}
const langSets = { 'humaneval (Python)': humaneval, 'credsweeper code files': cred, 'gpteacher codegen inputs (silver)': silver };
const identifiers = [
  { name: 'llm-shield signature rules', f: (t) => identifyCodeLanguageByRules(t)?.language },
  { name: 'highlight.js auto', f: (t) => identifyHljs(t)?.language },
  { name: 'rules, then highlight.js when no rule fires', f: (t) => (identifyCodeLanguageByRules(t) ?? identifyHljs(t))?.language },
  { name: 'highlight.js, rules when it is unsure (< 0.5)', f: (t) => { const h = identifyHljs(t); return (h && h.confidence >= 0.5 ? h : identifyCodeLanguageByRules(t) ?? h)?.language; } },
];
console.log('\n## Programming language identification: accuracy\n');
console.log('| set | texts | ' + identifiers.map((d) => d.name).join(' | ') + ' |');
console.log('|---|---|' + identifiers.map(() => '---|').join(''));
const langTotals = identifiers.map(() => [0, 0, 0]);
for (const [name, items] of Object.entries(langSets)) {
  const cells = identifiers.map((d, k) => {
    const t0 = process.hrtime.bigint();
    const ok = items.filter((x) => d.f(x.text) === x.lang).length;
    langTotals[k][2] += Number(process.hrtime.bigint() - t0) / 1e9;
    langTotals[k][0] += ok; langTotals[k][1] += items.length;
    return (ok / items.length).toFixed(3);
  });
  console.log(`| ${name} | ${items.length} | ${cells.join(' | ')} |`);
}
console.log('| **all** | | ' + langTotals.map(([o, n]) => (o / n).toFixed(3)).join(' | ') + ' |');
console.log('| blocks/s | | ' + langTotals.map(([, n, s]) => Math.round(n / s).toLocaleString('en-US')).join(' | ') + ' |');
const silverByLang = {};
for (const s of silver) silverByLang[s.lang] = (silverByLang[s.lang] ?? 0) + 1;
console.log(`\nsilver set languages: ${Object.entries(silverByLang).map(([k, v]) => `${k} ${v}`).join(', ')}; credsweeper: ${[...new Set(cred.map((c) => c.lang))].join(', ')}`);
