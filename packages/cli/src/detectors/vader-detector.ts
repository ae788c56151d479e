import type { SentimentDetector } from './detector.js';
import { polarityToClass } from './detector.js';
import { loadPeer, peerVersion } from './load-peer.js';

interface VaderAnalyzer {
  polarity_scores(text: string): { compound: number };
}

/** VADER's conventional neutral band: compound ≥ 0.05 positive, ≤ -0.05 negative. */
export const VADER_NEUTRAL_BAND = 0.05;

/**
 * `vader-sentiment` (the JavaScript port of VADER) as a three-class detector, with VADER's usual convention:
 * compound ≥ 0.05 positive, ≤ -0.05 negative, else neutral.
 *
 * @param band - the neutral band (default {@link VADER_NEUTRAL_BAND})
 */
export async function createVaderDetector(band: number = VADER_NEUTRAL_BAND): Promise<SentimentDetector> {
  const module = await loadPeer('vader-sentiment', 'vader');
  const analyzer = (module.SentimentIntensityAnalyzer ??
    (module.default as Record<string, unknown> | undefined)?.SentimentIntensityAnalyzer) as VaderAnalyzer;
  const version = await peerVersion('vader-sentiment');
  return {
    kind: 'sentiment',
    name: 'vader',
    description: `vader-sentiment ${version}, neutral band |compound| < ${band}`,
    threshold: band,
    async predict(text) {
      const { compound } = analyzer.polarity_scores(text);
      return { label: polarityToClass(compound, band), score: compound };
    },
  };
}
