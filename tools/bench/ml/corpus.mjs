// The benchmark corpus: real prompts from ../shared/datasets (or a file given with --corpus), sampled
// deterministically (every k-th text), so runs compare.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** JSONL files of ../shared/datasets/extra: attacks and benign prompts of varied length (see its SOURCES.md). */
export const DEFAULT_CORPUS_FILES = ['extra/safeguard_train.jsonl', 'extra/wizardlm_testset.jsonl', 'extra/gpteacher_roleplay.jsonl', 'extra/gsm8k_test.jsonl'];

/** Texts of a file: JSONL with a `text` (or `prompt`) field per line, else one text per non-empty line. */
export function readTexts(path) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => {
    if (!line.startsWith('{')) return line;
    const row = JSON.parse(line);
    return String(row.text ?? row.prompt ?? '');
  }).filter((text) => text.length > 0);
}

/**
 * The pool of texts to sample from: `corpus` when given, else {@link DEFAULT_CORPUS_FILES} under `datasetsDir`.
 * Throws when neither exists.
 */
export function loadPool(corpus, datasetsDir) {
  if (corpus) return readTexts(corpus);
  const files = DEFAULT_CORPUS_FILES.map((file) => join(datasetsDir, file)).filter((file) => existsSync(file));
  if (files.length === 0) throw new Error(`no corpus: ${datasetsDir} lacks ${DEFAULT_CORPUS_FILES.join(', ')}; pass --corpus FILE or --datasets DIR`);
  return files.flatMap(readTexts);
}

/** `count` texts taken at an even stride through `texts` (all of them when fewer). */
export function strideSample(texts, count) {
  if (texts.length <= count) return [...texts];
  const step = texts.length / count;
  return Array.from({ length: count }, (_, i) => texts[Math.floor(i * step)]);
}
