import type { PiiDetection, PiiRecognizer } from './types.js';

const UUID = /(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])/g;

/** UUIDs in 8-4-4-4-12 hex form (`UUID`, score 0.9, reason `pattern`), as llm-guard's default regex pattern. */
export const uuidRecognizer: PiiRecognizer = {
  id: 'uuid',
  entityTypes: ['UUID'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    UUID.lastIndex = 0;
    for (let m = UUID.exec(text); m; m = UUID.exec(text)) {
      out.push({ entityType: 'UUID', start: m.index, end: m.index + m[0].length, score: 0.9, reason: 'pattern', recognizer: 'uuid' });
    }
    return out;
  },
};
