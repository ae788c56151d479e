/** The `@llm-shield/shield/config` entry's exports (the parser and schema). */
export type ShieldConfigModule = typeof import('./index.js');

/**
 * Imports the configuration parser (`@llm-shield/shield/config`: yaml and zod) on first use. The main entry never
 * loads it, so a process that reads no configuration never pays for either library.
 */
export function loadShieldConfigModule(): Promise<ShieldConfigModule> {
  return import('./index.js');
}
