import { readFileSync } from 'node:fs';
import { analyzePii } from '/work/wt-privacy/packages/privacy/dist/index.js';
const lang = process.argv[2], file = process.argv[3], type = process.argv[4];
const cases = JSON.parse(readFileSync(`/work/shared/datasets/pii/recognizers-text-sequence/Specs/Sequence/${lang}/${file}`, 'utf8').replace(/^\uFEFF/, ''));
let n = 0;
for (const c of cases) {
  const pred = analyzePii(c.Input).filter(p => p.entityType === type);
  for (const r of c.Results ?? []) { const s = c.Input.indexOf(r.Text); if (!pred.some(p => p.start < s + r.Text.length && s < p.end) && n++ < 30) console.log('FN', JSON.stringify(r.Text), '|', c.Input.slice(0, 100)); }
  if ((c.Results ?? []).length === 0 && pred.length && n++ < 30) console.log('FP', pred.map(p => p.text), '|', c.Input.slice(0, 100));
}
