import { createScanResult, throwIfAborted, type Finding, type OutputScannerV1, type ScanContextV1, type ScanResultV1 } from '@llm-shield/core';
import { assertKnownKeys } from '../scanner-config.js';
import { isIpLiteral, isNonPublicAddress } from './ip-address.js';
import { invalidOption, readBoolean, readInteger, readNumber } from './rule-options.js';
import { RULE_THRESHOLD } from './rule-scanner.js';
import { MAX_SPANS_PER_FINDING, textSpan } from './span-redaction.js';
import { extractUrls, withScheme, type FoundUrl } from './url-extraction.js';

/** The fetch function URLReachability calls (the platform's `fetch` by default). */
export type FetchFunction = (url: string, init: { method: 'HEAD' | 'GET'; redirect: 'manual'; signal: AbortSignal }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  body?: { cancel(): Promise<void> } | null;
}>;

/** Resolves a host name to its IP addresses (e.g. Node's `dns.promises.lookup(host, { all: true })` mapped to strings). */
export type AddressResolver = (hostname: string) => Promise<readonly string[]>;

/** Options of {@link URLReachability} (llm-guard's, in camelCase, and the network guards). */
export interface URLReachabilityConfig {
  /** Status codes that count as reachable (default `[200, 201, 202]`, as llm-guard). */
  successStatusCodes?: readonly number[];
  /** Seconds each request may take (default 5). */
  timeout?: number;
  /** Let URLs reach loopback, private, link-local and other non-public addresses (default `false`). */
  allowPrivate?: boolean;
  /** Redirects followed per URL, each target checked like the URL (default 5). */
  maxRedirects?: number;
  /** Most URLs checked per output; the others count as unchecked, not unreachable (default 20). */
  maxUrls?: number;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: FetchFunction;
  /**
   * Resolves host names before connecting, so that a name pointing at a private address is refused (default none:
   * only IP-literal hosts and `localhost` names are judged; on Node pass one built on `dns.promises.lookup`).
   */
  resolve?: AddressResolver;
}

/** Validated form of {@link URLReachabilityConfig}. */
export interface ResolvedURLReachabilityConfig {
  readonly successStatusCodes: readonly number[];
  readonly timeout: number;
  readonly allowPrivate: boolean;
  readonly maxRedirects: number;
  readonly maxUrls: number;
  readonly fetch?: FetchFunction;
  readonly resolve?: AddressResolver;
}

const KEYS = ['successStatusCodes', 'timeout', 'allowPrivate', 'maxRedirects', 'maxUrls', 'fetch', 'resolve'] as const;

/** Validates {@link URLReachabilityConfig}; raises `InvalidConfigError`. */
export function resolveURLReachabilityConfig(scanner: string, config: URLReachabilityConfig = {}): ResolvedURLReachabilityConfig {
  assertKnownKeys(scanner, config, KEYS);
  const c = config ?? {};
  const codes = c.successStatusCodes ?? [200, 201, 202];
  if (!Array.isArray(codes) || codes.length === 0 || !codes.every((x) => Number.isInteger(x) && x >= 100 && x <= 599)) {
    throw invalidOption(scanner, 'successStatusCodes', codes, 'a non-empty list of HTTP status codes (100-599)');
  }
  for (const field of ['fetch', 'resolve'] as const) {
    if (c[field] !== undefined && typeof c[field] !== 'function') throw invalidOption(scanner, field, c[field], 'a function');
  }
  return Object.freeze({
    successStatusCodes: Object.freeze([...codes]),
    timeout: readNumber(scanner, 'timeout', c.timeout, 5, 0.001, 600),
    allowPrivate: readBoolean(scanner, 'allowPrivate', c.allowPrivate, false),
    maxRedirects: readInteger(scanner, 'maxRedirects', c.maxRedirects, 5, 0, 20),
    maxUrls: readInteger(scanner, 'maxUrls', c.maxUrls, 20, 1, 1000),
    ...(c.fetch ? { fetch: c.fetch } : {}),
    ...(c.resolve ? { resolve: c.resolve } : {}),
  });
}

/** Why a URL was not reachable. */
type Outcome = { ok: true } | { ok: false; reason: 'blocked_address' | 'unsupported_scheme' | 'too_many_redirects' | 'status' | 'network'; detail: string };

function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal') || h === '';
}

/**
 * llm-guard's URLReachability (output): every http(s) URL of the output must answer with one of
 * `successStatusCodes`. Each URL gets a HEAD request, then a GET when HEAD does not succeed; redirects are followed
 * by hand (at most `maxRedirects`), and every target is checked before it is requested. Unless `allowPrivate`,
 * URLs whose host is a non-public IP literal, a `localhost`/`.local`/`.internal` name, or (with `resolve`) a name
 * that resolves to a non-public address, are refused without a request, so that an answer cannot make the server
 * probe its own network. The check of a host name happens before `fetch` resolves it again: for protection against
 * DNS rebinding, give a `fetch` that pins the resolved address. Score 1 (risk 1) when a URL is unreachable or
 * refused, else 0 (risk -1).
 */
export class URLReachability implements OutputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'output' as const;
  readonly name = 'URLReachability';
  /** The validated configuration. */
  readonly config: ResolvedURLReachabilityConfig;

  /** @param config - see {@link URLReachabilityConfig} */
  constructor(config: URLReachabilityConfig = {}) {
    this.config = resolveURLReachabilityConfig('URLReachability', config);
  }

  /** Scans a model output. */
  async scan(_prompt: string, output: string, context?: ScanContextV1): Promise<ScanResultV1> {
    throwIfAborted(context?.signal, this.name);
    const urls = extractUrls(output).filter((u) => /^(?:https?:\/\/|www\.)/i.test(u.url));
    if (urls.length === 0) {
      return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: output, explanation: 'passed: no URL' });
    }
    const checked = urls.slice(0, this.config.maxUrls);
    const outcomes = await Promise.all(checked.map((u) => this.check(withScheme(u.url), context?.signal)));
    throwIfAborted(context?.signal, this.name);
    const byReason = new Map<string, { found: FoundUrl[]; details: string[] }>();
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) return;
      const entry = byReason.get(outcome.reason) ?? { found: [], details: [] };
      entry.found.push(checked[i]!);
      entry.details.push(outcome.detail);
      byReason.set(outcome.reason, entry);
    });
    const findings: Finding[] = [...byReason.entries()].map(([reason, { found, details }]) => ({
      category: reason === 'blocked_address' ? 'blocked_url' : 'unreachable_url',
      score: 1,
      rules: [...new Set(details)].slice(0, 20),
      spans: found.slice(0, MAX_SPANS_PER_FINDING).map((u) => textSpan(output, u.start, u.end)),
    }));
    const bad = outcomes.filter((o) => !o.ok).length;
    const skipped = urls.length - checked.length;
    return createScanResult({
      score: bad > 0 ? 1 : 0,
      threshold: RULE_THRESHOLD,
      method: 'heuristic',
      sanitizedText: output,
      findings,
      explanation:
        bad > 0
          ? `flagged: ${bad} of ${checked.length} URLs unreachable or refused${skipped ? ` (${skipped} not checked)` : ''}`
          : `passed: ${checked.length} URLs reachable${skipped ? ` (${skipped} not checked)` : ''}`,
    });
  }

  /** Whether `target` may be requested: scheme and address checks, without sending anything. */
  async admit(target: URL): Promise<Outcome> {
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return { ok: false, reason: 'unsupported_scheme', detail: `scheme ${target.protocol}` };
    if (this.config.allowPrivate) return { ok: true };
    const host = target.hostname;
    if (isIpLiteral(host)) {
      return isNonPublicAddress(host) ? { ok: false, reason: 'blocked_address', detail: `non-public address ${host}` } : { ok: true };
    }
    if (isLocalName(host)) return { ok: false, reason: 'blocked_address', detail: `local host name ${host}` };
    if (this.config.resolve) {
      let addresses: readonly string[];
      try {
        addresses = await this.config.resolve(host);
      } catch (error) {
        return { ok: false, reason: 'network', detail: `cannot resolve ${host}: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (addresses.length === 0) return { ok: false, reason: 'network', detail: `no address for ${host}` };
      const blocked = addresses.find((a) => isNonPublicAddress(a));
      if (blocked !== undefined) return { ok: false, reason: 'blocked_address', detail: `${host} resolves to non-public address ${blocked}` };
    }
    return { ok: true };
  }

  private async check(url: string, signal: AbortSignal | undefined): Promise<Outcome> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { ok: false, reason: 'network', detail: 'unparsable URL' };
    }
    const fetchFn = this.config.fetch ?? (globalThis.fetch as unknown as FetchFunction | undefined);
    if (!fetchFn) return { ok: false, reason: 'network', detail: 'no fetch available' };
    for (let hop = 0; hop <= this.config.maxRedirects; hop++) {
      const admitted = await this.admit(target);
      if (!admitted.ok) return admitted;
      let status = 0;
      let location: string | null = null;
      for (const method of ['HEAD', 'GET'] as const) {
        try {
          const timeout = AbortSignal.timeout(this.config.timeout * 1000);
          const response = await fetchFn(target.href, { method, redirect: 'manual', signal: signal ? anySignal([signal, timeout]) : timeout });
          await response.body?.cancel().catch(() => undefined);
          status = response.status;
          location = response.headers.get('location');
        } catch (error) {
          if (signal?.aborted) throwIfAborted(signal, this.name);
          status = 0;
          location = null;
          if (method === 'GET') return { ok: false, reason: 'network', detail: error instanceof Error ? error.message : String(error) };
          continue;
        }
        if (this.config.successStatusCodes.includes(status) || (status >= 300 && status < 400 && location)) break;
      }
      if (this.config.successStatusCodes.includes(status)) return { ok: true };
      if (status >= 300 && status < 400 && location) {
        try {
          target = new URL(location, target);
        } catch {
          return { ok: false, reason: 'network', detail: `bad redirect location ${location}` };
        }
        continue;
      }
      return { ok: false, reason: 'status', detail: `HTTP ${status}` };
    }
    return { ok: false, reason: 'too_many_redirects', detail: `more than ${this.config.maxRedirects} redirects` };
  }
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  const any = (AbortSignal as unknown as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (any) return any(signals);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}
