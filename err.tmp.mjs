import { readFileSync } from 'node:fs';
import { analyzePii } from '/work/wt-privacy/packages/privacy/dist/index.js';
const rows = JSON.parse(readFileSync('/work/shared/datasets/pii/presidio-research/data/synth_dataset_v2.json', 'utf8'));
const type = process.argv[2]; const mode = process.argv[3];
let shown = 0;
for (const r of rows) {
  const gold = r.spans.filter(s => s.entity_type === type);
  const pred = analyzePii(r.full_text).filter(p => p.entityType === type);
  if (mode === 'fn') for (const g of gold) { if (!pred.some(p => p.start < g.end_position && g.start_position < p.end)) { if (shown++ < 25) console.log(JSON.stringify(g.entity_value), '|', r.full_text.slice(Math.max(0,g.start_position-40), g.end_position+20).replace(/\n/g,'\\n')); } }
  if (mode === 'fp') for (const p of pred) { if (!gold.some(g => p.start < g.end_position && g.start_position < p.end)) { if (shown++ < 25) console.log(JSON.stringify(p.text), '|', r.spans.filter(s=>s.start_position<p.end&&p.start<s.end_position).map(s=>s.entity_type).join(','), '|', r.full_text.slice(Math.max(0,p.start-30), p.end+20).replace(/\n/g,'\\n')); } }
}
