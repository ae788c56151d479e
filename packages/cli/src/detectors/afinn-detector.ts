import type { SentimentDetector } from './detector.js';
import { polarityToClass } from './detector.js';
import { loadPeer, peerVersion } from './load-peer.js';

interface AfinnAnalyzer {
  analyze(text: string): { score: number };
}
type AfinnConstructor = new () => AfinnAnalyzer;

/**
 * The npm package `sentiment` (AFINN-165 word list) as a three-class detector, with the usual convention:
 * score > 0 positive, < 0 negative, 0 neutral. With a band `b > 0`: score ≥ b positive, ≤ -b negative.
 *
 * @param band - the neutral band on AFINN's integer score (default 0)
 */
export async function createAfinnDetector(band = 0): Promise<SentimentDetector> {
  const module = await loadPeer('sentiment', 'sentiment-npm');
  const Sentiment = (module.default ?? module) as unknown as AfinnConstructor;
  const analyzer = new Sentiment();
  const version = await peerVersion('sentiment');
  return {
    kind: 'sentiment',
    name: 'sentiment-npm',
    description: `sentiment (npm, AFINN-165) ${version}, ${band === 0 ? 'sign of score' : `neutral band |score| < ${band}`}`,
    threshold: band,
    async predict(text) {
      const { score } = analyzer.analyze(text);
      return { label: polarityToClass(score, band), score };
    },
  };
}
