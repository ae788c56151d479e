// Writes, outside the repo, what deberta_reference.py needs: the tokenizer.json built by
// tokenizerJsonFromSentencePiece (JS) and the texts to encode (a deterministic sample of ../shared/datasets plus
// edge cases). Run from the repo root after `npx tsc -b packages/tokenizer`:
//   node tools/tokenizer/export-deberta-inputs.mjs /tmp/deberta-ref
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizerJsonFromSentencePiece } from '../../packages/tokenizer/dist/index.js';
import { EDGE_CASES, referenceTexts } from '../../packages/tokenizer/test/reference-texts.mjs';

const out = process.argv[2] ?? '/tmp/deberta-ref';
mkdirSync(out, { recursive: true });
const spm = readFileSync(join('..', 'shared', 'datasets', 'tokenizers', 'deberta-v3-base', 'spm.model'));
writeFileSync(join(out, 'tokenizer.js.json'), JSON.stringify(tokenizerJsonFromSentencePiece(spm, { kind: 'deberta-v2' })));
writeFileSync(join(out, 'texts.json'), JSON.stringify({ edgeCases: EDGE_CASES, sampled: referenceTexts() }));
console.log(`wrote ${out}/tokenizer.js.json and ${out}/texts.json`);
