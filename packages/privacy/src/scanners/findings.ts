import type { Finding } from '@llm-shield/core';
import type { PiiEntity } from '../recognizers/analyzer.js';

/** One finding per entity type: its best score, the `recognizer:reason` rules that fired and every span. */
export function entityFindings(entities: readonly PiiEntity[], text: string): Finding[] {
  const byType = new Map<string, Finding>();
  for (const e of entities) {
    let f = byType.get(e.entityType);
    if (!f) {
      f = { category: e.entityType, score: 0, rules: [], spans: [] };
      byType.set(e.entityType, f);
    }
    f.score = Math.max(f.score, e.score);
    const rule = `${e.recognizer}:${e.reason}`;
    if (!f.rules.includes(rule)) f.rules.push(rule);
    f.spans.push({ start: e.start, end: e.end, text: text.slice(e.start, e.end) });
  }
  return [...byType.values()];
}

/** `EMAIL_ADDRESS×2, PERSON×1` */
export function summarizeEntities(entities: readonly PiiEntity[]): string {
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.entityType, (counts.get(e.entityType) ?? 0) + 1);
  return [...counts].map(([t, n]) => `${t}×${n}`).join(', ');
}
