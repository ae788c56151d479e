import { describe, expect, it } from 'vitest';
import { confidencesFromScores, DETECTABLE_LANGUAGES, loadLanguageDetector } from './language-detector.js';

describe('language detector', () => {
  it('turns raw scores into confidences that sum to 1, most likely first', () => {
    const out = confidencesFromScores({ en: 0.77, da: 0.63, nl: 0.52 });
    expect(out[0]!.language).toBe('en');
    expect(out.reduce((s, l) => s + l.confidence, 0)).toBeCloseTo(1, 10);
    expect(out[0]!.confidence).toBeGreaterThan(0.99);
    expect(confidencesFromScores({})).toEqual([]);
    expect(confidencesFromScores({ de: 0.773, en: 0.764 })[0]!.confidence).toBeLessThan(0.7);
  });

  it('detects ISO 639-1 languages and nothing in symbols', { timeout: 120_000 }, async () => {
    const detector = await loadLanguageDetector();
    expect(detector.detect('Ceci est une phrase écrite en français.')[0]?.language).toBe('fr');
    expect(detector.detect('これは日本語で書かれた文です。')[0]?.language).toBe('ja');
    expect(detector.detect('12345 !!! ???')).toEqual([]);
    expect(DETECTABLE_LANGUAGES).toContain('en');
    expect(await loadLanguageDetector()).toBe(detector);
  });
});
