import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { analyzePii } from '/work/wt-privacy/packages/privacy/dist/index.js';
const rows = JSON.parse(readFileSync('/work/shared/datasets/pii/presidio-research/data/synth_dataset_v2.json', 'utf8'));
function score(detect) {
  let gTot = 0, gHit = 0, pTot = 0, pHit = 0;
  for (const r of rows) {
    const gold = r.spans.filter(s => s.entity_type === 'PERSON').map(s => ({ start: s.start_position, end: s.end_position }));
    const pred = detect(r.full_text);
    const ov = (a, b) => a.start < b.end && b.start < a.end;
    gTot += gold.length; gHit += gold.filter(g => pred.some(p => ov(p, g))).length;
    pTot += pred.length; pHit += pred.filter(p => gold.some(g => ov(p, g))).length;
  }
  const P = pHit / pTot, R = gHit / gTot; return { P, R, F1: 2 * P * R / (P + R) };
}
const comp = (t) => nlp(t).people().json({ offset: true }).map(p => ({ start: p.offset.start, end: p.offset.start + p.offset.length }));
const lex = (t) => analyzePii(t, { entityTypes: ['PERSON'] });
let t0 = performance.now(); console.log('lexicon', score(lex), performance.now() - t0);
t0 = performance.now(); console.log('compromise', score(comp), performance.now() - t0);
const union = (t) => [...lex(t), ...comp(t)];
console.log('union', score(union));
