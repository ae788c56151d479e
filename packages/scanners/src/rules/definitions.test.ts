import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { RULE_SCANNER_DEFINITIONS } from './definitions.js';

const context = { vault: new Vault() };
const byType = new Map(RULE_SCANNER_DEFINITIONS.map((d) => [d.type, d]));

/** What the config loader does: snake_case → camelCase, aliases applied, ignored parameters dropped. */
function toOptions(type: string, params: Record<string, unknown>): Record<string, unknown> {
  const definition = byType.get(type)!;
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (definition.ignored?.[key] !== undefined) continue;
    const alias = definition.aliases?.[key];
    if (alias) options[alias.option] = alias.value ? alias.value(value) : value;
    else options[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return options;
}

describe('RULE_SCANNER_DEFINITIONS', () => {
  it('lists every rule scanner by llm-guard type with the right variants', () => {
    expect([...byType.keys()].sort()).toEqual(
      ['BanCompetitors', 'BanSubstrings', 'InvisibleText', 'JSON', 'MaliciousURLs', 'NoRefusalLight', 'ReadingTime', 'Regex', 'TokenLimit', 'URLReachability'].sort(),
    );
    for (const type of ['BanSubstrings', 'BanCompetitors', 'Regex']) {
      expect(byType.get(type)!.input, type).toBeDefined();
      expect(byType.get(type)!.output, type).toBeDefined();
    }
    expect(byType.get('InvisibleText')!.output).toBeUndefined();
    expect(byType.get('JSON')!.input).toBeUndefined();
  });

  it("builds working scanners from llm-guard-api's scanners.yml params", async () => {
    const params: Record<string, Record<string, unknown>> = {
      BanCompetitors: { competitors: ['facebook'], threshold: 0.75 },
      BanSubstrings: { substrings: ['test'], match_type: 'word', case_sensitive: false, redact: false, contains_all: false },
      InvisibleText: {},
      Regex: { patterns: ['Bearer [A-Za-z0-9-._~+/]+'], is_blocked: true, match_type: 'search', redact: true },
      TokenLimit: { limit: 4096, encoding_name: 'cl100k_base' },
      JSON: { required_elements: 0, repair: true },
      MaliciousURLs: { threshold: 0.75 },
      ReadingTime: { max_time: 5, truncate: false },
      URLReachability: {},
      NoRefusalLight: {},
    };
    for (const [type, p] of Object.entries(params)) {
      const d = byType.get(type)!;
      const options = toOptions(type, p);
      if (d.input) expect(d.input(options).name).toBe(type);
      if (d.output) expect(d.output(options).name).toBe(type);
    }
    const regex = byType.get('Regex')!.input!(toOptions('Regex', params.Regex!));
    expect((await regex.scan('use Bearer abc', context)).sanitizedText).toBe('use [REDACTED]');
    expect(toOptions('Regex', { match_type: 'full_match' })).toEqual({ matchType: 'fullmatch' });
    expect(() => toOptions('Regex', { match_type: 'prefix' })).toThrow(InvalidConfigError);
  });
});
