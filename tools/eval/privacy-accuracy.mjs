#!/usr/bin/env node
// Accuracy of @llm-shield/privacy's PII recognisers and Secrets detector on the labelled sets in ../shared/datasets
// (per entity type precision / recall / F1), next to the JS peers that install offline. Not a test.
//
// Usage (from the repository root, after `npm run build`):
//   node tools/eval/privacy-accuracy.mjs [--datasets DIR] [--json] [--peer-sample 10]
//
// PII sets:
//   - presidio-research synth_dataset_v2 (1,500 sentences, character spans): span-level, a prediction is a true
//     positive when it overlaps a gold span of the same type (each gold span counted once);
//   - presidio-recognizer-tests (per-recogniser cases): case-level, for the types implemented here; rows whose
//     expected Presidio score is below 0.5 (weak matches) are left out;
//   - recognizers-text-sequence (phone / URL / IP / email extraction, 12 languages): lenient case-level (a result
//     counts as found when a prediction of the type overlaps its text).
// Secrets sets: gitleaks rule cases (tp rows: is the text flagged), detect-secrets plugin cases, secretlint
// snapshots (ng / ok), and ordinary prompts as negatives (AlpacaEval 805, awesome-chatgpt-prompts, NQ-open dev).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
process.chdir(repoRoot);
const { values } = parseArgs({ options: { datasets: { type: 'string' }, json: { type: 'boolean', default: false }, 'peer-sample': { type: 'string', default: '10' } } });
const peerSample = Math.max(1, Number.parseInt(values['peer-sample'], 10) || 10);
const datasetsDir = values.datasets ?? process.env.LLM_SHIELD_DATASETS ?? '../shared/datasets';
if (!existsSync(datasetsDir)) {
  console.error(`Datasets not found at ${datasetsDir}; pass --datasets DIR.`);
  process.exit(1);
}
for (const pkg of ['privacy', 'cli']) {
  if (!existsSync(join(repoRoot, `packages/${pkg}/dist/index.js`))) {
    console.error(`packages/${pkg}/dist is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const { analyzePii, SecretDetector } = await import(join(repoRoot, 'packages/privacy/dist/index.js'));
const { loadExamples } = await import(join(repoRoot, 'packages/cli/dist/internal.js'));

const readJsonl = (path) => readFileSync(join(datasetsDir, path), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '–');

// ---- peers (optional, offline) ----
async function tryImport(name) {
  try {
    return await import(name);
  } catch {
    return undefined;
  }
}
const peers = [];
// redact-pii is not used: it depends on @google-cloud/dlp (a heavy cloud client), not a light offline install.
// hai-guardrails 1.12 starts a piscina worker pool at import whose worker path points at its CI build directory;
// the pool's error is asynchronous and would end this process. Its pii guard runs in the main thread, so that one
// error is ignored here (its secret guard, which needs the pool, is therefore not compared).
process.on('uncaughtException', (error) => {
  if (error?.code === 'MODULE_NOT_FOUND' && String(error.message).includes('piscina')) return;
  throw error;
});
const hai = await tryImport('@presidio-dev/hai-guardrails');
if (hai?.piiGuard) {
  const guard = hai.piiGuard({ mode: 'redact' });
  peers.push({ name: 'hai-guardrails', detect: async (text) => spansFromRedaction(text, (await guard([{ role: 'user', content: text }]))[0]?.modifiedMessage?.content ?? text) });
}

const HAI_TYPES = { EMAIL: 'EMAIL_ADDRESS', PHONE: 'PHONE_NUMBER', 'PHONE-NUMBER': 'PHONE_NUMBER', 'CREDIT-CARD': 'CREDIT_CARD', 'IP-ADDRESS': 'IP_ADDRESS', SSN: 'US_SSN', IBAN: 'IBAN_CODE', URL: 'URL', 'PASSPORT': 'PASSPORT' };
/** Recovers `[REDACTED-TYPE]` spans of a redacting guard by aligning the unchanged stretches with the original. */
function spansFromRedaction(original, redacted) {
  const parts = redacted.split(/\[REDACTED-([A-Z-]+)\]/);
  const spans = [];
  let pos = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const literal = parts[i];
    const last = i === parts.length - 1;
    const at = last ? (original.endsWith(literal) ? original.length - literal.length : -1) : original.indexOf(literal, i === 0 ? 0 : pos + 1);
    if (at < 0 || at < pos) break;
    if (i > 0) {
      const type = HAI_TYPES[parts[i - 1]];
      if (type) spans.push({ entityType: type, start: pos, end: at });
    }
    pos = at + literal.length;
  }
  return spans;
}

// ---- PII: presidio-research ----
const TYPE_MAP_RESEARCH = { EMAIL_ADDRESS: 'EMAIL_ADDRESS', PHONE_NUMBER: 'PHONE_NUMBER', CREDIT_CARD: 'CREDIT_CARD', IBAN_CODE: 'IBAN_CODE', IP_ADDRESS: 'IP_ADDRESS', US_SSN: 'US_SSN', PERSON: 'PERSON', STREET_ADDRESS: 'STREET_ADDRESS' };
async function spanEval(rows, detect) {
  const stats = {};
  const s = (t) => (stats[t] ??= { tp: 0, fp: 0, fn: 0 });
  for (const row of rows) {
    const gold = row.spans.filter((g) => TYPE_MAP_RESEARCH[g.entity_type]).map((g) => ({ type: TYPE_MAP_RESEARCH[g.entity_type], start: g.start_position, end: g.end_position }));
    const pred = (await detect(row.full_text)).filter((p) => Object.values(TYPE_MAP_RESEARCH).includes(p.entityType));
    const matched = new Set();
    for (const p of pred) {
      const g = gold.findIndex((g, i) => !matched.has(i) && g.type === p.entityType && overlaps(g, p));
      if (g >= 0) {
        matched.add(g);
        s(p.entityType).tp++;
      } else if (!gold.some((g) => g.type === p.entityType && overlaps(g, p))) s(p.entityType).fp++;
    }
    gold.forEach((g, i) => {
      if (!matched.has(i)) s(g.type).fn++;
    });
  }
  return stats;
}

// ---- PII: presidio recogniser tests ----
const TYPES_RECOGNIZER_TESTS = ['EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'IBAN_CODE', 'IP_ADDRESS', 'URL', 'US_SSN', 'CRYPTO', 'UK_NINO', 'PERSON', 'ES_NIF', 'ES_NIE', 'IT_FISCAL_CODE', 'IN_AADHAAR', 'PL_PESEL', 'SE_PERSONNUMMER', 'FI_PERSONAL_IDENTITY_CODE', 'DE_TAX_ID', 'UK_NHS', 'TR_NATIONAL_ID'];
function maxExpectedScore(row) {
  const e = row.expected_scores;
  if (e === null || e === undefined) return 1;
  if (typeof e === 'number') return e;
  if (Array.isArray(e)) {
    let best = 0;
    for (const x of e) {
      if (typeof x === 'number') best = Math.max(best, x);
      else if (Array.isArray(x)) best = Math.max(best, x[1] === 'max' ? 1 : Number(x[1]));
    }
    return e.length === 0 ? 1 : best;
  }
  return 1;
}
async function caseEval(rows, detect) {
  const stats = {};
  const s = (t) => (stats[t] ??= { tp: 0, fp: 0, fn: 0 });
  for (const row of rows) {
    const type = row.entity_type;
    const pred = (await detect(row.text)).filter((p) => p.entityType === type);
    if (row.expected_count > 0) {
      if (maxExpectedScore(row) < 0.5) continue;
      const spans = row.expected_spans ?? [];
      const hit = spans.length > 0 ? pred.some((p) => spans.some(([a, b]) => overlaps(p, { start: a, end: b }))) : pred.length > 0;
      if (hit) s(type).tp++;
      else s(type).fn++;
      if (spans.length > 0) for (const p of pred) if (!spans.some(([a, b]) => overlaps(p, { start: a, end: b }))) s(type).fp++;
    } else if (pred.length > 0) s(type).fp++;
  }
  return stats;
}

// ---- PII: recognizers-text-sequence ----
const SEQ_TYPES = { phonenumber: 'PHONE_NUMBER', url: 'URL', ip: 'IP_ADDRESS', email: 'EMAIL_ADDRESS' };
async function sequenceEval(detect) {
  const stats = {};
  const s = (t) => (stats[t] ??= { tp: 0, fp: 0, fn: 0 });
  const base = join(datasetsDir, 'pii/recognizers-text-sequence/Specs/Sequence');
  for (const lang of readdir(base)) {
    for (const [file, type] of [['PhoneNumberModel.json', 'PHONE_NUMBER'], ['URLModel.json', 'URL'], ['IpAddressModel.json', 'IP_ADDRESS'], ['EmailModel.json', 'EMAIL_ADDRESS']]) {
      const path = join(base, lang, file);
      if (!existsSync(path)) continue;
      const cases = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
      for (const c of cases) {
        const pred = (await detect(c.Input)).filter((p) => p.entityType === type);
        const gold = (c.Results ?? []).filter((r) => SEQ_TYPES[r.TypeName] === type).map((r) => {
          const start = typeof r.Start === 'number' ? r.Start : c.Input.toLowerCase().indexOf(r.Text.toLowerCase());
          return { start, end: start + r.Text.length };
        });
        const used = new Set();
        for (const g of gold) {
          const i = pred.findIndex((p, j) => !used.has(j) && overlaps(p, g));
          if (i >= 0) {
            used.add(i);
            s(type).tp++;
          } else s(type).fn++;
        }
        pred.forEach((p, j) => {
          if (!used.has(j) && !gold.some((g) => overlaps(p, g))) s(type).fp++;
        });
      }
    }
  }
  return stats;
}
import { readdirSync } from 'node:fs';
function readdir(p) {
  return existsSync(p) ? readdirSync(p) : [];
}

function table(title, statsByDetector) {
  const types = [...new Set(Object.values(statsByDetector).flatMap((s) => Object.keys(s)))].sort();
  const lines = [`### ${title}`, '', `| type | ${Object.keys(statsByDetector).map((d) => `${d} P / R / F1`).join(' | ')} |`, `|---|${Object.keys(statsByDetector).map(() => '---').join('|')}|`];
  const json = {};
  for (const t of types) {
    const cells = [];
    for (const [d, stats] of Object.entries(statsByDetector)) {
      const x = stats[t];
      if (!x) {
        cells.push('–');
        continue;
      }
      const p = x.tp / (x.tp + x.fp);
      const r = x.tp / (x.tp + x.fn);
      cells.push(`${pct(p)} / ${pct(r)} / **${pct(f1(p, r))}** (n=${x.tp + x.fn})`);
      (json[t] ??= {})[d] = { precision: p, recall: r, f1: f1(p, r), ...x };
    }
    lines.push(`| ${t} | ${cells.join(' | ')} |`);
  }
  return { text: lines.join('\n'), json };
}

const ours = (text) => analyzePii(text, { threshold: 0.5 });
const report = { pii: {}, secrets: {} };
async function runAll(evaluate) {
  const out = {};
  for (const [name, detect] of Object.entries(detectors)) out[name] = await evaluate(detect);
  return out;
}
const output = [];

const research = JSON.parse(readFileSync(join(datasetsDir, 'pii/presidio-research/data/synth_dataset_v2.json'), 'utf8'));
const detectors = { 'llm-shield': ours, ...Object.fromEntries(peers.map((p) => [p.name, p.detect])) };
let t = table('presidio-research synth_dataset_v2 (span overlap)', await runAll((d) => spanEval(research, d)));
output.push(t.text);
report.pii.presidioResearch = t.json;

const recognizerRows = readJsonl('pii/presidio-recognizer-tests/derived/presidio_recognizer_cases.jsonl').filter((r) => r.kind === 'span' && TYPES_RECOGNIZER_TESTS.includes(r.entity_type));
t = table('presidio recogniser tests (case level, weak-match rows left out)', await runAll((d) => caseEval(recognizerRows, d)));
output.push(t.text);
report.pii.presidioRecognizerTests = t.json;

t = table('Recognizers-Text sequence specs, all languages (lenient overlap)', await runAll((d) => sequenceEval(d)));
output.push(t.text);
report.pii.recognizersText = t.json;

// ---- Secrets ----
const detector = new SecretDetector();
const flagged = (text) => detector.detect(text).length > 0;
const secretPeers = [];
const secretlintCore = await tryImport('@secretlint/core');
const secretlintPreset = await tryImport('@secretlint/secretlint-rule-preset-recommend');
if (secretlintCore?.lintSource && secretlintPreset) {
  const creator = secretlintPreset.creator ?? secretlintPreset.default?.creator ?? secretlintPreset.default;
  secretPeers.push({
    name: 'secretlint',
    async flagged(text) {
      const result = await secretlintCore.lintSource({
        source: { filePath: '/input.txt', content: text, contentType: 'text' },
        options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] } },
      });
      return result.messages.length > 0;
    },
  });
}

async function secretStats(name, isFlagged, sample = 1) {
  const res = {};
  const gl = readJsonl('secrets/gitleaks-rule-cases/derived/gitleaks_rule_cases.jsonl');
  // peers are slower: they may be run on every `sample`-th gitleaks case and benign prompt (--peer-sample)
  const tps = gl.filter((r, i) => r.expected === 'tp' && !r.path && i % sample === 0);
  let hit = 0;
  for (const r of tps) if (await isFlagged(r.text)) hit++;
  res.gitleaksTpRecall = { found: hit, total: tps.length, recall: hit / tps.length };
  const ds = readJsonl('secrets/detect-secrets/derived/detect_secrets_plugin_cases.jsonl');
  const uniq = new Map();
  for (const r of ds) uniq.set(`${r.text}\u0000${r.expected_flag}`, r);
  let dtp = 0, dfn = 0, dfp = 0, dtn = 0;
  for (const r of uniq.values()) {
    const f = await isFlagged(r.text);
    if (r.expected_flag) f ? dtp++ : dfn++;
    else f ? dfp++ : dtn++;
  }
  res.detectSecrets = { tp: dtp, fn: dfn, fp: dfp, tn: dtn, recall: dtp / (dtp + dfn), fpRate: dfp / (dfp + dtn) };
  const sl = readJsonl('secrets/secretlint/derived/secretlint_snapshot_cases.jsonl');
  let stp = 0, sfn = 0, sfp = 0, stn = 0;
  for (const r of sl) {
    const f = await isFlagged(r.text);
    if (r.expected_count > 0) f ? stp++ : sfn++;
    else f ? sfp++ : stn++;
  }
  res.secretlint = { tp: stp, fn: sfn, fp: sfp, tn: stn, recall: stp / (stp + sfn), fpRate: sfp / (sfp + stn) };
  let neg = 0, negFlagged = 0;
  for (const path of ['benign_prompts/alpaca-eval-805/example/outputs.json', 'benign_prompts/awesome-chatgpt-prompts/prompts.csv', 'benign_prompts/nq-open/nq_open/NQ-open.dev.jsonl']) {
    const { examples } = await loadExamples(join(datasetsDir, path));
    for (const [i, e] of examples.entries()) {
      if (i % sample !== 0) continue;
      neg++;
      if (await isFlagged(e.text)) negFlagged++;
    }
  }
  res.benignPrompts = { flagged: negFlagged, total: neg, fpRate: negFlagged / neg };
  return res;
}
report.secrets['llm-shield'] = await secretStats('llm-shield', flagged);
for (const p of secretPeers) report.secrets[`${p.name}${peerSample > 1 ? ` (every ${peerSample}th gitleaks case / prompt)` : ''}`] = await secretStats(p.name, p.flagged, peerSample);
const sLines = ['### Secrets', '', '| detector | gitleaks tps recall | detect-secrets recall / FP rate | secretlint recall / FP rate | benign prompts flagged |', '|---|---|---|---|---|'];
for (const [name, r] of Object.entries(report.secrets)) {
  sLines.push(
    `| ${name} | ${pct(r.gitleaksTpRecall.recall)} % (${r.gitleaksTpRecall.found}/${r.gitleaksTpRecall.total}) | ${pct(r.detectSecrets.recall)} % / ${pct(r.detectSecrets.fpRate)} % | ${pct(r.secretlint.recall)} % / ${pct(r.secretlint.fpRate)} % | ${pct(r.benignPrompts.fpRate)} % (${r.benignPrompts.flagged}/${r.benignPrompts.total}) |`,
  );
}
output.push(sLines.join('\n'));
console.log(output.join('\n\n'));
if (values.json) console.log(JSON.stringify(report, null, 1));
// hai-guardrails' worker pool keeps the event loop alive
process.exit(0);
