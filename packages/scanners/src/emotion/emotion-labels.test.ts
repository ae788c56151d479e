import { InvalidModelError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { bindEmotionLabels, DEFAULT_BLOCKED_EMOTIONS, EMOTION_LABELS } from './emotion-labels.js';

describe('bindEmotionLabels', () => {
  const probabilities = EMOTION_LABELS.map((label) => ({ anger: 0.7, fear: 0.2, joy: 0.9, neutral: 0.95 })[label as string] ?? 0.001);

  it("scores the highest blocked emotion, skipping neutral and unblocked joy (llm-guard's highest_emotion_score)", () => {
    const verdict = bindEmotionLabels(EMOTION_LABELS, { blocked: DEFAULT_BLOCKED_EMOTIONS, returnEmotions: false })(probabilities);
    expect(verdict.score).toBe(0.7);
    expect(verdict.summary).toBe('anger 0.70');
    expect(verdict.findings.map((finding) => finding.category)).toEqual(['anger', 'fear']);
  });

  it('reports all labels with returnEmotions', () => {
    const verdict = bindEmotionLabels(EMOTION_LABELS, { blocked: ['fear'], returnEmotions: true })(probabilities);
    expect(verdict.score).toBe(0.2);
    expect(verdict.findings).toHaveLength(EMOTION_LABELS.length);
  });

  it('matches labels by folded name and in any order', () => {
    const labels = ['Neutral', 'ANGER', 'Fear'];
    const verdict = bindEmotionLabels(labels, { blocked: ['anger', 'fear'], returnEmotions: false })([0.9, 0.1, 0.6]);
    expect(verdict).toMatchObject({ score: 0.6, summary: 'fear 0.60' });
  });

  it('refuses a model without the blocked emotions', () => {
    expect(() => bindEmotionLabels(['negative', 'positive'], { blocked: ['anger'], returnEmotions: false })).toThrow(InvalidModelError);
  });

  it('lists the 28 GoEmotions labels and llm-guard\'s eleven default blocked emotions', () => {
    expect(EMOTION_LABELS).toHaveLength(28);
    expect(DEFAULT_BLOCKED_EMOTIONS).toHaveLength(11);
    expect(DEFAULT_BLOCKED_EMOTIONS.every((emotion) => EMOTION_LABELS.includes(emotion))).toBe(true);
  });
});
