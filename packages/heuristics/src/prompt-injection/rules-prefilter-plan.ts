import { planPrefilter, type Need, type PrefilterPlan } from './prefilter.js';
import { RULES_PREFILTER_PLAN_JSON, RULES_PREFILTER_PLAN_KEY } from './rules-prefilter-plan-data.js';

/** A {@link Need} in a stored plan: a string's index, or `[0, ...parts]` (all of) / `[1, ...parts]` (any of). */
type StoredNeed = number | [0 | 1, ...StoredNeed[]];

/** A {@link PrefilterPlan} as stored: every literal and leading string once, in `strings`, referred to by index. */
export interface StoredPrefilterPlan {
  minLength: number;
  maxLength: number;
  strings: string[];
  needs: Array<StoredNeed | null>;
  leads: Array<number[] | null>;
}

/** The compact form of a plan, for `tools/gen/prefilter-plan.mjs`. */
export function storePrefilterPlan(plan: PrefilterPlan): StoredPrefilterPlan {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const id = (text: string): number => {
    let at = index.get(text);
    if (at === undefined) {
      at = strings.length;
      strings.push(text);
      index.set(text, at);
    }
    return at;
  };
  const store = (need: Need): StoredNeed => (need.kind === 'lit' ? id(need.text) : [need.kind === 'and' ? 0 : 1, ...need.parts.map(store)]);
  return {
    minLength: plan.minLength,
    maxLength: plan.maxLength,
    strings,
    needs: plan.needs.map((need) => (need === null ? null : store(need))),
    leads: plan.leads.map((leads) => (leads === null ? null : leads.map(id))),
  };
}

/** The plan a {@link storePrefilterPlan} result stands for. */
export function loadPrefilterPlan(stored: StoredPrefilterPlan): PrefilterPlan {
  const { strings } = stored;
  const load = (need: StoredNeed): Need =>
    typeof need === 'number' ? { kind: 'lit', text: strings[need]! } : { kind: need[0] === 0 ? 'and' : 'or', parts: (need.slice(1) as StoredNeed[]).map(load) };
  return {
    minLength: stored.minLength,
    maxLength: stored.maxLength,
    needs: stored.needs.map((need) => (need === null ? null : load(need))),
    leads: stored.leads.map((leads) => (leads === null ? null : leads.map((at) => strings[at]!))),
  };
}

/**
 * A key of a list of regular-expression sources: their count, total length and a 32-bit FNV-1a hash of the sources
 * joined by U+0000. Tells whether the plan stored at build time was made from these very sources.
 */
export function sourcesKey(sources: readonly string[]): string {
  let hash = 0x811c9dc5;
  let length = 0;
  for (const source of sources) {
    length += source.length;
    for (let i = 0; i < source.length; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash, 0x01000193); // the U+0000 separator
  }
  return `${sources.length}:${length}:${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * The {@link PrefilterPlan} of the prompt-injection rules' sources (default literal lengths): the one computed at
 * build time (`rules-prefilter-plan-data.ts`, written by `tools/gen/prefilter-plan.mjs`) when it was made from these
 * sources, which saves analysing ~80 regular expressions on the first scan; otherwise (a rule changed and the data
 * was not regenerated) computed now, with the same result, only slower.
 */
export function rulesPrefilterPlan(sources: readonly string[]): PrefilterPlan {
  if (sourcesKey(sources) === RULES_PREFILTER_PLAN_KEY) return loadPrefilterPlan(JSON.parse(RULES_PREFILTER_PLAN_JSON) as StoredPrefilterPlan);
  return planPrefilter(sources);
}
