import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * The package graph (see docs/architecture.md), held by Nx's module-boundary rule:
 * - scope:contract (core) depends on nothing;
 * - scope:feature (heuristics, tokenizer, scanners) on contracts and features only: never on an adapter
 *   (runtimes, model hub), so scanners receive a runtime instead of importing one;
 * - scope:adapter (runtime-node, runtime-web, model-hub) on contracts only;
 * - scope:entry (node, browser: createShield per platform) on contracts, features, adapters and data;
 * - scope:service (ai-sdk, openai: integrations, the server) on contracts, features, adapters, data and entries;
 * - scope:app (cli) on anything;
 * - scope:test-support (a private package of test helpers) on contracts and features; service packages may import
 *   it from their tests only (a restricted import below keeps it out of every src/ file);
 * - platform:neutral code may not depend on platform:node or platform:web code.
 */
export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', 'tools/**', '**/vitest.config.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:contract', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:feature', onlyDependOnLibsWithTags: ['scope:contract', 'scope:feature'] },
            { sourceTag: 'scope:adapter', onlyDependOnLibsWithTags: ['scope:contract', 'scope:adapter-support'] },
            { sourceTag: 'scope:adapter-support', onlyDependOnLibsWithTags: ['scope:contract'] },
            { sourceTag: 'scope:data', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:entry', onlyDependOnLibsWithTags: ['scope:contract', 'scope:feature', 'scope:adapter', 'scope:data'] },
            { sourceTag: 'scope:service', onlyDependOnLibsWithTags: ['scope:contract', 'scope:feature', 'scope:adapter', 'scope:data', 'scope:entry', 'scope:test-support'] },
            { sourceTag: 'scope:test-support', onlyDependOnLibsWithTags: ['scope:contract', 'scope:feature'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:contract', 'scope:feature', 'scope:adapter', 'scope:data', 'scope:entry', 'scope:service'] },
            { sourceTag: 'platform:neutral', onlyDependOnLibsWithTags: ['platform:neutral'] },
            { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:neutral', 'platform:web'] },
            { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:neutral', 'platform:node'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/test-support/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@llm-shield/test-support', '@llm-shield/test-support/*'], message: 'Test helpers are for tests only.' }] }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts', 'packages/heuristics/src/**/*.ts', 'packages/scanners/src/**/*.ts', 'packages/shield/src/**/*.ts', 'packages/tokenizer/src/**/*.ts', 'packages/runtime-web/src/**/*.ts', 'packages/runtime-ort/src/**/*.ts', 'packages/models-embedded/src/**/*.ts', 'packages/browser/src/**/*.ts', 'packages/privacy/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Platform-neutral packages run in browsers: no node: imports.' },
            { group: ['@llm-shield/test-support', '@llm-shield/test-support/*'], message: 'Test helpers are for tests only.' },
          ],
        },
      ],
    },
  },
];
