import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@llm-shield/source'] },
  test: { name: 'server', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 },
});
