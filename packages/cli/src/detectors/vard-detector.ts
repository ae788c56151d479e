import type { BinaryDetector } from './detector.js';
import { loadPeer, peerVersion } from './load-peer.js';

interface VardThreat {
  type: string;
  severity: number;
}
interface VardBuilder {
  maxLength(length: number): VardBuilder;
  threshold(value: number): VardBuilder;
  safeParse(input: string): { safe: true; data: string } | { safe: false; threats: VardThreat[] };
}
interface VardModule {
  moderate(): VardBuilder;
}

/**
 * `@andersmyrmel/vard` as a prompt-injection detector, configured as its README recommends by default: the
 * `moderate` preset (threshold 0.7; blocks instruction override, role manipulation and system-prompt leaks;
 * sanitizes delimiter and encoding tricks), with the length limit lifted so that long prompts are judged on
 * their content, not their length. Positive = `safeParse` reports the input unsafe; score = the highest threat
 * severity (0 when none).
 *
 * @param threshold - vard's detection threshold (default 0.7, the preset's)
 */
export async function createVardDetector(threshold?: number): Promise<BinaryDetector> {
  const module = await loadPeer('@andersmyrmel/vard', 'vard');
  const vard = (module.default ?? module.vard) as VardModule;
  let guard = vard.moderate().maxLength(Number.MAX_SAFE_INTEGER);
  if (threshold !== undefined) guard = guard.threshold(threshold);
  const version = await peerVersion('@andersmyrmel/vard');
  return {
    kind: 'binary',
    name: 'vard',
    description: `@andersmyrmel/vard ${version}, moderate preset${threshold === undefined ? '' : `, threshold ${threshold}`}`,
    threshold: threshold ?? 0.7,
    async predict(text) {
      const result = guard.safeParse(text);
      if (result.safe) return { positive: false, score: 0 };
      return { positive: true, score: result.threats.reduce((max, threat) => Math.max(max, threat.severity), 0) };
    },
  };
}
