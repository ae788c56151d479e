import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@llm-shield/source'] },
  test: { name: 'privacy', include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
});
