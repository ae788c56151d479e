import type { ProblemType } from '@llm-shield/core';

/** Softmax of `logits` (numerically stable: the largest logit is subtracted first). */
export function softmax(logits: ArrayLike<number>): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const exps: number[] = new Array<number>(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const value = Math.exp(logits[i]! - max);
    exps[i] = value;
    sum += value;
  }
  for (let i = 0; i < exps.length; i++) exps[i] = exps[i]! / sum;
  return exps;
}

/** Logistic sigmoid of each logit. */
export function sigmoid(logits: ArrayLike<number>): number[] {
  const out: number[] = new Array<number>(logits.length);
  for (let i = 0; i < logits.length; i++) out[i] = 1 / (1 + Math.exp(-logits[i]!));
  return out;
}

/**
 * Probabilities of a classification head, as transformers' pipelines compute them: sigmoid per label for
 * `multi_label_classification`, softmax over the labels otherwise.
 */
export function logitsToProbabilities(logits: ArrayLike<number>, problemType: ProblemType): number[] {
  return problemType === 'multi_label_classification' ? sigmoid(logits) : softmax(logits);
}

/** Decodes IEEE 754 half-precision bits (as `float16` tensors carry them) to a number. */
export function float16ToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
