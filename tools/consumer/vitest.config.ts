import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'consumer', include: ['*.test.ts'], environment: 'node', testTimeout: 600_000, hookTimeout: 1_200_000 },
});
