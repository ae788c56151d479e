import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'tools/consumer', 'examples'],
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
