import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@llm-shield/source'] },
  test: { name: 'ai-sdk', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 },
});
