import { createScanResult, type Finding, type ScanResultV1 } from '@llm-shield/core';
import { parse as parseDomain } from 'tldts';
import { assertKnownKeys } from '../scanner-config.js';
import { isIpLiteral } from './ip-address.js';
import { decodePunycodeLabel } from './punycode-label.js';
import { readNumber } from './rule-options.js';
import { RuleOutputScanner } from './rule-scanner.js';
import { textSpan } from './span-redaction.js';
import { extractUrls, withScheme } from './url-extraction.js';
import { FREE_HOSTING, SUSPICIOUS_TLDS, URL_SHORTENERS } from './url-risk-lists.js';

/**
 * llm-guard's model for MaliciousURLs. Registered for reference: this scanner does not run it yet (no ONNX export
 * of it ships with llm-shield); the rules below answer.
 */
export const MALICIOUS_URLS_MODEL_ID = 'DunnBC22/codebert-base-Malicious_URLs';

/**
 * The rules and their scores; a URL's score is `1 - Π(1 - score)` over the rules it breaks. At the default
 * threshold (0.5) one strong signal (script URI, userinfo trick, homoglyph label, IP host) or two weak ones
 * (shortener, free hosting, suspicious TLD, Punycode, port) flag a URL.
 */
export const MALICIOUS_URL_RULES = Object.freeze({
  javascript_uri: 0.9,
  data_uri_active: 0.9,
  data_uri: 0.4,
  userinfo_domain: 0.9,
  userinfo: 0.6,
  mixed_script: 0.85,
  confusable_script: 0.8,
  punycode: 0.45,
  ip_host: 0.7,
  nonstandard_port: 0.4,
  suspicious_tld: 0.45,
  shortener: 0.45,
  free_hosting: 0.45,
  many_subdomains: 0.3,
} as const);

/** One of the rule ids of {@link MALICIOUS_URL_RULES}. */
export type MaliciousUrlRule = keyof typeof MALICIOUS_URL_RULES;

/** Options of {@link MaliciousURLs}. */
export interface MaliciousURLsConfig {
  /** A URL whose score is above it makes the output invalid (default 0.5, as llm-guard). */
  threshold?: number;
}

const SCRIPT_TESTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];
/** Cyrillic and Greek letters that look like Latin ones (whole-script confusables). */
const LATIN_LOOKALIKES = /^[аеорсухіјѕԁһԛԝѵӏꙇαοερτυνικχ0-9-]+$/u;

function scriptsOf(label: string): Set<string> {
  const scripts = new Set<string>();
  for (const ch of label) {
    for (const [name, re] of SCRIPT_TESTS) if (re.test(ch)) scripts.add(name);
  }
  return scripts;
}

/**
 * The rules a URL breaks (offline): script-capable URIs, userinfo tricks, IP-literal hosts, non-standard ports,
 * Punycode, mixed-script and confusable labels, suspicious TLDs, shorteners and free hosting.
 */
export function urlRiskRules(rawUrl: string): MaliciousUrlRule[] {
  const rules: MaliciousUrlRule[] = [];
  const lower = rawUrl.toLowerCase();
  if (lower.startsWith('javascript:') || lower.startsWith('vbscript:')) return ['javascript_uri'];
  if (lower.startsWith('data:')) return [/^data:(?:text\/html|application\/(?:x-)?javascript|text\/javascript|image\/svg\+xml|application\/xhtml)/.test(lower) ? 'data_uri_active' : 'data_uri'];
  let url: URL;
  try {
    url = new URL(withScheme(rawUrl));
  } catch {
    return rules;
  }
  if (url.username || url.password) {
    rules.push(/\./.test(decodeURIComponent(url.username)) ? 'userinfo_domain' : 'userinfo');
  }
  const host = url.hostname;
  if (isIpLiteral(host)) rules.push('ip_host');
  const defaultPort = url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : url.protocol === 'ftp:' ? '21' : '';
  if (url.port && url.port !== defaultPort) rules.push('nonstandard_port');
  if (isIpLiteral(host)) return rules;
  const labels = host.split('.');
  let punycode = false;
  let mixed = false;
  let confusable = false;
  for (const label of labels) {
    if (!label.startsWith('xn--')) continue;
    punycode = true;
    const decoded = decodePunycodeLabel(label.slice(4));
    if (decoded === undefined) continue;
    const scripts = scriptsOf(decoded);
    if (scripts.size > 1) mixed = true;
    else if ((scripts.has('Cyrillic') || scripts.has('Greek')) && LATIN_LOOKALIKES.test(decoded)) confusable = true;
  }
  if (mixed) rules.push('mixed_script');
  else if (confusable) rules.push('confusable_script');
  else if (punycode) rules.push('punycode');
  const parsed = parseDomain(host, { allowPrivateDomains: true });
  const icann = parseDomain(host);
  const tld = icann.publicSuffix?.split('.').pop() ?? '';
  if (SUSPICIOUS_TLDS.has(tld)) rules.push('suspicious_tld');
  const domain = icann.domain ?? host;
  if (URL_SHORTENERS.has(host.replace(/^www\./, '')) || URL_SHORTENERS.has(domain)) rules.push('shortener');
  else if ((parsed.isPrivate === true && host !== parsed.publicSuffix) || FREE_HOSTING.has(domain) || [...FREE_HOSTING].some((h) => host === h || host.endsWith(`.${h}`))) {
    rules.push('free_hosting');
  }
  if ((icann.subdomain ?? '').split('.').filter(Boolean).length >= 4) rules.push('many_subdomains');
  return rules;
}

/** The score of a set of rules: `1 - Π(1 - score)`. */
export function urlRiskScore(rules: readonly MaliciousUrlRule[]): number {
  return 1 - rules.reduce((keep, rule) => keep * (1 - MALICIOUS_URL_RULES[rule]), 1);
}

/**
 * llm-guard's MaliciousURLs (output) with offline rules instead of its model: every URL of the output is scored by
 * {@link urlRiskRules} (domains parsed with `tldts`); the output's score is the highest URL score, invalid above
 * `threshold` (default 0.5). Findings list each risky URL with its rules and span. llm-guard's model
 * ({@link MALICIOUS_URLS_MODEL_ID}) is not run: its `model` and `use_onnx` options are accepted and ignored by
 * config files.
 */
export class MaliciousURLs extends RuleOutputScanner<Readonly<{ threshold: number }>> {
  /** @param config - see {@link MaliciousURLsConfig} */
  constructor(config: MaliciousURLsConfig = {}) {
    assertKnownKeys('MaliciousURLs', config, ['threshold']);
    super('MaliciousURLs', Object.freeze({ threshold: readNumber('MaliciousURLs', 'threshold', config?.threshold, 0.5, 0, 1) }));
  }

  /** Checks one output. */
  check(output: string): ScanResultV1 {
    const findings: Finding[] = [];
    let score = 0;
    for (const found of extractUrls(output)) {
      const rules = urlRiskRules(found.url);
      if (rules.length === 0) continue;
      const s = urlRiskScore(rules);
      score = Math.max(score, s);
      findings.push({ category: 'malicious_url', score: Math.round(s * 100) / 100, rules, spans: [textSpan(output, found.start, found.end)] });
    }
    return createScanResult({
      score,
      threshold: this.config.threshold,
      method: 'heuristic',
      sanitizedText: output,
      findings: findings.sort((a, b) => b.score - a.score).slice(0, 100),
    });
  }
}
