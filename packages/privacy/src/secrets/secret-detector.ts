import { resolveOverlaps } from '../recognizers/analyzer.js';
import { shannonEntropy } from './entropy.js';
import { EXTRA_SECRET_RULES } from './extra-rules.js';
import { GITLEAKS_GLOBAL_ALLOWLIST, GITLEAKS_RULES } from './gitleaks-rules.generated.js';
import { KeywordIndex } from './keyword-index.js';
import type { SecretAllowlistData, SecretRuleData } from './rule-types.js';

/** One secret found in a text. Offsets are UTF-16 code units of the scanned text. */
export interface SecretFinding {
  /** Rule id, e.g. `github-pat`, `generic-api-key`. */
  ruleId: string;
  /** Start of the secret value. */
  start: number;
  /** End of the secret value (exclusive). */
  end: number;
  /** The secret value. */
  secret: string;
  /** 1.0 for a provider-specific rule, 0.8 for the generic and entropy rules. */
  score: number;
}

interface CompiledAllowlist {
  regexes: RegExp[];
  target: 'secret' | 'match' | 'line';
  stopwords: string[];
}

interface CompiledRule {
  data: SecretRuleData;
  regex: RegExp;
  allowlists: CompiledAllowlist[];
  score: number;
}

/** Rules that guess from shape and entropy rather than a provider's token format. */
const GENERIC_RULES = new Set(['generic-api-key', 'password-assignment', 'password-assignment-unquoted', 'high-entropy-base64', 'high-entropy-hex']);

function compileAllowlist(a: SecretAllowlistData): CompiledAllowlist {
  return { regexes: (a.regexes ?? []).map((r) => new RegExp(r)), target: a.target ?? 'secret', stopwords: (a.stopwords ?? []).map((s) => s.toLowerCase()) };
}

/** Options of {@link SecretDetector}. */
export interface SecretDetectorOptions {
  /** Rules to use (default: gitleaks' default rules plus {@link EXTRA_SECRET_RULES}). */
  rules?: readonly SecretRuleData[];
  /** Rule ids to leave out (default none). */
  disabledRules?: readonly string[];
}

/**
 * Finds credentials with gitleaks' rule semantics: a rule runs only when the text contains one of its keywords
 * (one pass over the text for all keywords); the secret is the rule's `secretGroup` (or first non-empty group,
 * else the match); it must reach the rule's Shannon entropy; rule and global allowlists (regexes on the secret,
 * match or line; stopwords) drop known false positives. Overlapping findings keep the provider-specific rule.
 * Every rule regex has bounded quantifiers (see tools/gen/gitleaks-rules.py), so scanning is linear.
 */
export class SecretDetector {
  readonly #rules: CompiledRule[];
  readonly #always: CompiledRule[];
  readonly #byKeyword = new Map<string, CompiledRule[]>();
  readonly #index: KeywordIndex;
  readonly #global: CompiledAllowlist;

  constructor(options: SecretDetectorOptions = {}) {
    const disabled = new Set(options.disabledRules ?? []);
    const data = (options.rules ?? [...GITLEAKS_RULES, ...EXTRA_SECRET_RULES]).filter((r) => !disabled.has(r.id));
    this.#rules = data.map((r) => ({
      data: r,
      regex: new RegExp(r.regex, 'gd'),
      allowlists: (r.allowlists ?? []).map(compileAllowlist),
      score: GENERIC_RULES.has(r.id) ? 0.8 : 1,
    }));
    this.#always = this.#rules.filter((r) => r.data.keywords.length === 0);
    for (const rule of this.#rules) {
      for (const k of rule.data.keywords) {
        const list = this.#byKeyword.get(k);
        if (list) list.push(rule);
        else this.#byKeyword.set(k, [rule]);
      }
    }
    this.#index = new KeywordIndex(this.#byKeyword.keys());
    this.#global = compileAllowlist({ regexes: GITLEAKS_GLOBAL_ALLOWLIST.regexes ?? [], stopwords: GITLEAKS_GLOBAL_ALLOWLIST.stopwords ?? [] });
  }

  /** Ids of the rules in use. */
  get ruleIds(): string[] {
    return this.#rules.map((r) => r.data.id);
  }

  /** The secrets in `text`, sorted by start, overlaps resolved. */
  detect(text: string): SecretFinding[] {
    if (text.length < 8) return [];
    const lower = text.toLowerCase();
    const keywords = this.#index.find(lower.length === text.length ? lower : text.toLowerCase());
    const active = new Set<CompiledRule>(this.#always);
    for (const k of keywords) for (const r of this.#byKeyword.get(k) ?? []) active.add(r);
    const found: SecretFinding[] = [];
    for (const rule of active) this.#run(rule, text, found);
    return resolveOverlaps(found);
  }

  #run(rule: CompiledRule, text: string, out: SecretFinding[]): void {
    const re = rule.regex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let group = rule.data.secretGroup ?? 0;
      if (rule.data.secretGroup === undefined) {
        for (let g = 1; g < m.length; g++) {
          if (m[g]) {
            group = g;
            break;
          }
        }
      }
      const secret = m[group] ?? m[0];
      const indices = m.indices?.[group] ?? [m.index, m.index + m[0].length];
      if (rule.data.entropy !== undefined && shannonEntropy(secret) < rule.data.entropy) continue;
      let matchStart = m.index;
      const floor = Math.max(0, m.index - (rule.data.contextPrefix ?? 0));
      while (matchStart > floor && /[\w.-]/.test(text[matchStart - 1] as string)) matchStart--;
      if (this.#allowed(rule, secret, text.slice(matchStart, m.index + m[0].length), text, matchStart)) continue;
      out.push({ ruleId: rule.data.id, start: indices[0], end: indices[1], secret, score: rule.score });
    }
  }

  #allowed(rule: CompiledRule, secret: string, match: string, text: string, at: number): boolean {
    const lowerSecret = secret.toLowerCase();
    if (this.#global.regexes.some((r) => r.test(secret))) return true;
    if (this.#global.stopwords.some((w) => lowerSecret.includes(w))) return true;
    for (const a of rule.allowlists) {
      if (a.stopwords.some((w) => lowerSecret.includes(w))) return true;
      if (a.regexes.length === 0) continue;
      let target = secret;
      if (a.target === 'match') target = match;
      else if (a.target === 'line') {
        const s = text.lastIndexOf('\n', at) + 1;
        const e = text.indexOf('\n', at + match.length);
        target = text.slice(s, e < 0 ? text.length : e);
      }
      if (a.regexes.some((r) => r.test(target))) return true;
    }
    return false;
  }
}
