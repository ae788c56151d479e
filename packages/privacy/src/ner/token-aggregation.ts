/**
 * The post-processing of Python transformers' `TokenClassificationPipeline` with `aggregation_strategy="simple"`,
 * written to give the same entity groups, scores and spans (transformers 5.x `pipelines/token_classification.py`:
 * `postprocess`, `gather_pre_entities`, `aggregate`, `group_entities`, `group_sub_entities`, `get_tag`,
 * `aggregate_overlapping_entities`). Pure functions; offsets are whatever the caller's tokenizer gives (UTF-16 here).
 */

/** One content token of a window: its label probabilities and its offsets in the text. */
export interface ScoredToken {
  /** Softmax probabilities over the labels, in `id2label` order. */
  readonly scores: ArrayLike<number>;
  readonly start: number;
  readonly end: number;
}

/** An aggregated entity, as the pipeline's `entity_group` dictionaries (without `word`). */
export interface TokenEntityGroup {
  /** The label without its `B-` / `I-` prefix (`B-FIRSTNAME` → `FIRSTNAME`; a label without prefix as is). */
  entityGroup: string;
  /** Mean of the winning probability of each token of the group. */
  score: number;
  /** Start of the first token. */
  start: number;
  /** End of the last token. */
  end: number;
}

/**
 * Softmax of one row of logits, shifted by its maximum (as the pipeline's numpy code). Writes into `out`.
 *
 * @param logits - the flat logits tensor
 * @param offset - index of the row's first value
 * @param width - number of labels
 */
export function softmaxRow(logits: ArrayLike<number>, offset: number, width: number, out: Float64Array = new Float64Array(width)): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < width; k++) max = Math.max(max, logits[offset + k]!);
  let sum = 0;
  for (let k = 0; k < width; k++) {
    const e = Math.exp(logits[offset + k]! - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < width; k++) out[k] = out[k]! / sum;
  return out;
}

/** `get_tag`: `B-X` → (`B`, `X`), `I-X` → (`I`, `X`), anything else → (`I`, label). */
export function splitTag(label: string): { bi: 'B' | 'I'; tag: string } {
  if (label.startsWith('B-')) return { bi: 'B', tag: label.slice(2) };
  if (label.startsWith('I-')) return { bi: 'I', tag: label.slice(2) };
  return { bi: 'I', tag: label };
}

interface TokenEntity {
  label: string;
  score: number;
  start: number;
  end: number;
}

/** `group_sub_entities`: the first token's label after its first `-`, the mean score, first start, last end. */
function groupOf(tokens: readonly TokenEntity[]): TokenEntityGroup {
  const first = tokens[0]!;
  const dash = first.label.indexOf('-');
  let sum = 0;
  let n = 0;
  for (const t of tokens) {
    if (Number.isNaN(t.score)) continue; // np.nanmean
    sum += t.score;
    n++;
  }
  return { entityGroup: dash < 0 ? first.label : first.label.slice(dash + 1), score: n === 0 ? Number.NaN : sum / n, start: first.start, end: tokens[tokens.length - 1]!.end };
}

/**
 * The entity groups of one window: each token takes its most probable label (first maximum, as numpy's `argmax`);
 * consecutive tokens join the current group when their tag equals the group's last tag and they are not `B-`; the
 * groups whose label is in `ignoreLabels` (default `['O']`) are dropped afterwards, as the pipeline does.
 *
 * @param tokens - the window's content tokens in order (special and padding tokens already left out)
 * @param labels - `id2label` in index order
 * @param ignoreLabels - group labels to drop (default `['O']`)
 */
export function aggregateSimple(tokens: readonly ScoredToken[], labels: readonly string[], ignoreLabels: readonly string[] = ['O']): TokenEntityGroup[] {
  const groups: TokenEntityGroup[] = [];
  let current: TokenEntity[] = [];
  for (const token of tokens) {
    let best = 0;
    for (let k = 1; k < labels.length; k++) if (token.scores[k]! > token.scores[best]!) best = k;
    const entity: TokenEntity = { label: labels[best]!, score: token.scores[best]!, start: token.start, end: token.end };
    if (current.length === 0) {
      current.push(entity);
      continue;
    }
    const { bi, tag } = splitTag(entity.label);
    const last = splitTag(current[current.length - 1]!.label);
    if (tag === last.tag && bi !== 'B') {
      current.push(entity);
    } else {
      groups.push(groupOf(current));
      current = [entity];
    }
  }
  if (current.length > 0) groups.push(groupOf(current));
  const ignored = new Set(ignoreLabels);
  return groups.filter((g) => !ignored.has(g.entityGroup));
}

/**
 * `aggregate_overlapping_entities`, applied when a text needed several windows: entities sorted by start (stable);
 * of entities whose start falls inside the kept one, the longer wins, or at equal length the higher score.
 */
export function mergeOverlappingEntities(entities: readonly TokenEntityGroup[]): TokenEntityGroup[] {
  if (entities.length === 0) return [];
  const sorted = entities.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map((x) => x.e);
  const out: TokenEntityGroup[] = [];
  let previous = sorted[0]!;
  for (const entity of sorted) {
    if (previous.start <= entity.start && entity.start < previous.end) {
      const currentLength = entity.end - entity.start;
      const previousLength = previous.end - previous.start;
      if (currentLength > previousLength || (currentLength === previousLength && entity.score > previous.score)) previous = entity;
    } else {
      out.push(previous);
      previous = entity;
    }
  }
  out.push(previous);
  return out;
}

/**
 * The content-token ranges `[start, end)` of the windows of a text of `count` tokens, as the Rust `tokenizers`
 * library's truncation with overflow (`return_overflowing_tokens`, `stride`): windows of `size` tokens starting every
 * `size - stride` tokens, the last one ending at the text's end. A text of at most `size` tokens is one window
 * (`[0, 0)` for an empty text).
 *
 * @param count - content tokens of the text
 * @param size - content tokens per window (the model's maximum length minus its special tokens), ≥ 1
 * @param stride - tokens each window repeats from the previous one, 0 ≤ stride < size
 */
export function tokenWindows(count: number, size: number, stride: number): Array<[number, number]> {
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(stride) || stride < 0 || stride >= size) {
    throw new RangeError(`tokenWindows: need integers size ≥ 1 and 0 ≤ stride < size, got size ${size}, stride ${stride}.`);
  }
  if (count <= size) return [[0, count]];
  const step = size - stride;
  const windows: Array<[number, number]> = [];
  for (let start = 0; start < count; start += step) {
    const stop = Math.min(start + size, count);
    windows.push([start, stop]);
    if (stop === count) break;
  }
  return windows;
}
