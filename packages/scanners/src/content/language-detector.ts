/** One language and the detector's confidence in it, in [0, 1]. */
export interface LanguageScore {
  /** ISO 639-1 code, as llm-guard reports languages (e.g. `en`, `fr`, `zh`). */
  language: string;
  /** Confidence in [0, 1]; the confidences of one text sum to 1 (or to 0 when nothing was recognised). */
  confidence: number;
}

/** A loaded natural-language identifier. */
export interface LanguageDetector {
  /** Languages of `text`, most likely first; empty when the text carries no language (digits, symbols, noise). */
  detect(text: string): LanguageScore[];
}

/**
 * How sharply the detector's raw n-gram scores are turned into confidences: `softmax(SHARPNESS × score)`. The raw
 * scores of eld differ by a few hundredths between close languages; 60 was chosen on tatoeba + mintaka so that at
 * llm-guard's threshold 0.6 English questions are almost never flagged as another language (0.2 %) while 91 % of
 * foreign texts are (see docs/language-detection.md).
 */
export const LANGUAGE_CONFIDENCE_SHARPNESS = 60;

/** Languages eld's `large` database knows (ISO 639-1; `ku` Kurdish). */
export const DETECTABLE_LANGUAGES: readonly string[] = [
  'am', 'ar', 'az', 'be', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'eu', 'fa', 'fi', 'fr', 'gu', 'he',
  'hi', 'hr', 'hu', 'hy', 'is', 'it', 'ja', 'ka', 'kn', 'ko', 'ku', 'lo', 'lt', 'lv', 'ml', 'mr', 'ms', 'nl', 'no', 'or',
  'pa', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sq', 'sr', 'sv', 'ta', 'te', 'th', 'tl', 'tr', 'uk', 'ur', 'vi', 'yo', 'zh',
];

interface EldLike {
  detect(text: string): { language: string; getScores(): Record<string, number> };
}

let loading: Promise<LanguageDetector> | undefined;

/**
 * Converts eld's raw scores to confidences (softmax with {@link LANGUAGE_CONFIDENCE_SHARPNESS}), most likely first.
 * Exposed for tests; scanners use {@link loadLanguageDetector}.
 */
export function confidencesFromScores(scores: Readonly<Record<string, number>>): LanguageScore[] {
  const entries = Object.entries(scores).filter(([, s]) => Number.isFinite(s));
  if (entries.length === 0) return [];
  const top = Math.max(...entries.map(([, s]) => s));
  const weights = entries.map(([language, s]) => ({ language, w: Math.exp(LANGUAGE_CONFIDENCE_SHARPNESS * (s - top)) }));
  const total = weights.reduce((sum, { w }) => sum + w, 0);
  return weights.map(({ language, w }) => ({ language, confidence: w / total })).sort((a, b) => b.confidence - a.confidence);
}

/**
 * Loads the language identifier once (lazily, on first use, so that importing the scanners costs nothing): eld's
 * `large` n-gram database (Apache-2.0, 60 languages, chosen by measurement in docs/language-detection.md). eld reads
 * the first 1,000 characters of a text; callers split longer texts ({@link textParts}).
 */
export function loadLanguageDetector(): Promise<LanguageDetector> {
  loading ??= import('eld/large').then((mod) => {
    const eld = (mod as unknown as { eld: EldLike }).eld;
    return {
      detect(text: string): LanguageScore[] {
        return confidencesFromScores(eld.detect(text).getScores());
      },
    };
  });
  return loading;
}
