#!/usr/bin/env node
/**
 * Language-identification accuracy and speed of the offline npm detectors on the shared multilingual sets
 * (tatoeba-laser-multilingual, 45 languages; mintaka-multilingual-questions, 8 languages + English), texts of at
 * least MIN_CHARS code points. Prints a Markdown table per library (overall accuracy, per-set accuracy, languages,
 * texts/s single thread) and, with --per-language, the accuracy per language.
 *
 * The candidates are peers, not project dependencies; install them beside the repo to measure them:
 *   npm install --no-save eld@2.1.0 tinyld@1.3.4 franc-min@6.2.0 franc@6.2.0 cld3-asm@4.0.0 fasttext.wasm.js@1.0.0
 * (or point NODE_PATH-free LANG_EVAL_MODULES=/dir/node_modules at a folder holding them). Missing ones are skipped.
 * "llm-shield" is this project's detector (packages/scanners/dist, build first).
 *
 * Usage: node tools/eval/language-detection.mjs [--datasets ../shared/datasets] [--min-chars 20] [--per-language]
 *   [--only 'eld (large),fasttext']  (candidates whose name starts with one of these)
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const datasets = resolve(arg('--datasets', join(here, '../../../shared/datasets')));
const minChars = Number(arg('--min-chars', '20'));
const perLanguage = args.includes('--per-language');
const only = arg('--only', '');
const modulesDir = process.env.LANG_EVAL_MODULES ? resolve(process.env.LANG_EVAL_MODULES) : join(here, '../../node_modules');
const requireFrom = createRequire(join(modulesDir, 'noop.js'));

/** ISO 639-3 (and a few others) → ISO 639-1, for the labels and for detectors that answer in 639-3. */
const ISO3_TO_1 = {
  ara: 'ar', arb: 'ar', ben: 'bn', bul: 'bg', cat: 'ca', ces: 'cs', cmn: 'zh', zho: 'zh', yue: 'zh', dan: 'da',
  deu: 'de', ell: 'el', eng: 'en', est: 'et', ekk: 'et', fin: 'fi', fra: 'fr', heb: 'he', hin: 'hi', hrv: 'hr',
  hun: 'hu', ind: 'id', ita: 'it', jpn: 'ja', kor: 'ko', lit: 'lt', lvs: 'lv', lav: 'lv', mar: 'mr', nld: 'nl',
  nob: 'no', nno: 'no', nor: 'no', pes: 'fa', fas: 'fa', pol: 'pl', por: 'pt', ron: 'ro', rus: 'ru', slk: 'sk',
  slv: 'sl', spa: 'es', srp: 'sr', swe: 'sv', swh: 'sw', swa: 'sw', tam: 'ta', tgl: 'tl', fil: 'tl', tha: 'th',
  tur: 'tr', ukr: 'uk', urd: 'ur', vie: 'vi', zsm: 'ms', msa: 'ms', zlm: 'ms', bos: 'bs', glg: 'gl', afr: 'af',
  sqi: 'sq', als: 'sq', hye: 'hy', aze: 'az', azj: 'az', eus: 'eu', bel: 'be', kat: 'ka', guj: 'gu', kan: 'kn',
  kaz: 'kk', mal: 'ml', mkd: 'mk', mon: 'mn', khk: 'mn', nep: 'ne', npi: 'ne', pan: 'pa', som: 'so', tel: 'te',
  uzb: 'uz', uzn: 'uz', yor: 'yo', zul: 'zu', xho: 'xh', amh: 'am', hau: 'ha', ibo: 'ig', jav: 'jv', sun: 'su',
  ceb: 'ceb', mya: 'my', sin: 'si', khm: 'km', lao: 'lo', kir: 'ky', tgk: 'tg', tat: 'tt', ckb: 'ckb', kin: 'rw',
  run: 'rn', nya: 'ny', sna: 'sn', lin: 'ln', ory: 'or', asm: 'as', snd: 'sd', pus: 'ps', pbu: 'ps', plt: 'mg',
  mlg: 'mg', hat: 'ht', ilo: 'ilo', epo: 'eo', ltz: 'lb', gle: 'ga', cym: 'cy', isl: 'is', mlt: 'mt', lat: 'la',
};
/** Codes some detectors use for the same language. */
const NORMALISE = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv', nb: 'no', nn: 'no', fil: 'tl', 'zh-Hant': 'zh', 'zh-Hans': 'zh' };
const norm = (code) => {
  if (!code) return '';
  const c = ISO3_TO_1[code] ?? code;
  return NORMALISE[c] ?? c.split('-')[0];
};

function loadSamples() {
  const samples = [];
  const tdir = join(datasets, 'benign_prompts/tatoeba-laser-multilingual/data/tatoeba/v1');
  for (const file of readdirSync(tdir).sort()) {
    const m = /^tatoeba\.([a-z]{3})-eng\.\1$/.exec(file);
    if (!m) continue;
    const lang = norm(m[1]);
    for (const line of readFileSync(join(tdir, file), 'utf8').split('\n')) {
      const text = line.trim();
      if ([...text].length >= minChars) samples.push({ set: 'tatoeba', lang, text });
    }
  }
  const mintaka = JSON.parse(readFileSync(join(datasets, 'benign_prompts/mintaka-multilingual-questions/data/mintaka_dev.json'), 'utf8'));
  for (const item of mintaka) {
    const all = { en: item.question, ...item.translations };
    for (const [lang, raw] of Object.entries(all)) {
      const text = String(raw).trim();
      if ([...text].length >= minChars) samples.push({ set: 'mintaka', lang, text });
    }
  }
  return samples;
}

/** ESM-only subpaths that `require.resolve` cannot see. */
const ESM_PATHS = {
  'eld/large': 'eld/src/entries/static.large.js',
  'eld/medium': 'eld/src/entries/static.medium.js',
  'eld/extrasmall': 'eld/src/entries/static.extrasmall.js',
  'tinyld/heavy': 'tinyld/dist/tinyld.heavy.node.mjs',
};

async function importPeer(specifier) {
  const path = ESM_PATHS[specifier] ? join(modulesDir, ESM_PATHS[specifier]) : requireFrom.resolve(specifier);
  if (!existsSync(path)) throw new Error(`${specifier} is not installed in ${modulesDir}`);
  return import(pathToFileURL(path).href);
}

/** Each candidate: name, package, size note, and an async factory returning detect(text) → ISO 639-1 or ''. */
const CANDIDATES = [
  {
    name: 'llm-shield Language (eld large, top language)',
    async make() {
      const dist = join(here, '../../packages/scanners/dist/content/language-detector.js');
      if (!existsSync(dist)) throw new Error('build packages/scanners first');
      const { loadLanguageDetector } = await import(pathToFileURL(dist).href);
      const detector = await loadLanguageDetector();
      return (text) => detector.detect(text)[0]?.language ?? '';
    },
  },
  {
    name: 'eld (large)',
    async make() {
      const { eld } = await importPeer('eld/large');
      return (text) => eld.detect(text).language;
    },
  },
  {
    name: 'eld (medium)',
    async make() {
      const { eld } = await importPeer('eld/medium');
      return (text) => eld.detect(text).language;
    },
  },
  {
    name: 'eld (extrasmall)',
    async make() {
      const { eld } = await importPeer('eld/extrasmall');
      return (text) => eld.detect(text).language;
    },
  },
  {
    name: 'tinyld (normal)',
    async make() {
      const { detect } = await importPeer('tinyld');
      return (text) => detect(text);
    },
  },
  {
    name: 'tinyld (heavy)',
    async make() {
      const { detect } = await importPeer('tinyld/heavy');
      return (text) => detect(text);
    },
  },
  {
    name: 'franc-min',
    async make() {
      const { franc } = await importPeer('franc-min');
      return (text) => franc(text, { minLength: 1 });
    },
  },
  {
    name: 'franc',
    async make() {
      const { franc } = await importPeer('franc');
      return (text) => franc(text, { minLength: 1 });
    },
  },
  {
    name: 'fasttext.wasm.js (lid.176.ftz)',
    async make() {
      const { getLIDModel } = await importPeer('fasttext.wasm.js');
      const model = await getLIDModel();
      await model.load();
      return async (text) => (await model.identify(text.replace(/\n/g, ' '))).alpha2 ?? '';
    },
  },
  {
    name: 'cld3-asm',
    async make() {
      const { loadModule } = await importPeer('cld3-asm');
      const factory = await loadModule();
      const id = factory.create(0, 1000);
      return (text) => id.findLanguage(text).language;
    },
  },
];

const samples = loadSamples();
const langs = [...new Set(samples.map((s) => s.lang))].sort();
console.log(`# ${samples.length} texts of >= ${minChars} code points, ${langs.length} languages (${langs.join(' ')})\n`);
const rows = [];
for (const cand of CANDIDATES) {
  if (only && !only.split(',').some((o) => cand.name.startsWith(o))) continue;
  let detect;
  try {
    detect = await cand.make();
  } catch (error) {
    console.error(`skip ${cand.name}: ${error.message}`);
    continue;
  }
  for (let i = 0; i < 200; i++) await detect(samples[i * 97 % samples.length].text); // warm-up
  const perLang = new Map();
  const perSet = new Map();
  let ok = 0;
  const t0 = process.hrtime.bigint();
  const predictions = [];
  for (const s of samples) predictions.push(await detect(s.text));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  samples.forEach((s, i) => {
    const hit = norm(predictions[i]) === s.lang ? 1 : 0;
    ok += hit;
    const l = perLang.get(s.lang) ?? [0, 0];
    l[0] += hit; l[1] += 1; perLang.set(s.lang, l);
    const st = perSet.get(s.set) ?? [0, 0];
    st[0] += hit; st[1] += 1; perSet.set(s.set, st);
  });
  const known = [...perLang.values()].filter(([h, n]) => h / n >= 0.5).length;
  rows.push({ name: cand.name, acc: ok / samples.length, perSet, perLang, known, tps: samples.length / seconds });
}
const pct = (x) => x.toFixed(3);
console.log('| detector | accuracy (all) | tatoeba | mintaka | languages ≥ 0.5 accuracy (of ' + langs.length + ') | texts/s |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const set = (k) => { const [h, n] = r.perSet.get(k) ?? [0, 1]; return pct(h / n); };
  console.log(`| ${r.name} | ${pct(r.acc)} | ${set('tatoeba')} | ${set('mintaka')} | ${r.known} | ${Math.round(r.tps).toLocaleString('en-US')} |`);
}
if (perLanguage) {
  console.log('\n| language | texts | ' + rows.map((r) => r.name).join(' | ') + ' |');
  console.log('|---|---|' + rows.map(() => '---|').join(''));
  for (const lang of langs) {
    const n = rows[0]?.perLang.get(lang)?.[1] ?? 0;
    console.log(`| ${lang} | ${n} | ` + rows.map((r) => { const [h, m] = r.perLang.get(lang); return pct(h / m); }).join(' | ') + ' |');
  }
}
