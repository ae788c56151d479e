import { isAsciiAlnum, isAsciiLetter } from './char-classes.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalChar(code: number): boolean {
  // RFC 5322 atext plus '.', without quotes or '@'; non-ASCII letters allowed (SMTPUTF8)
  if (code >= 128) return code !== 0x2028 && code !== 0x2029;
  return isAsciiAlnum(code) || "!#$%&'*+/=?^_`{|}~.-".includes(String.fromCharCode(code));
}

function isDomainChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 45 || code === 46 || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000);
}

/**
 * Email addresses (`EMAIL_ADDRESS`, score 1.0, reason `pattern`). Scans from every `@`: the local part to the left
 * (at most 64 chars, no leading/trailing dot) and the domain to the right (labels of letters, digits, hyphens, a
 * top-level domain of at least 2 letters or `xn--`). Each character is read a bounded number of times (linear).
 * Misses: quoted local parts (`"john doe"@x.org`) and IP-literal domains (`a@[10.0.0.1]`).
 */
export const emailRecognizer: PiiRecognizer = {
  id: 'email',
  entityTypes: ['EMAIL_ADDRESS'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    let from = 0;
    let lastEnd = 0;
    for (;;) {
      const at = text.indexOf('@', from);
      if (at < 0) break;
      from = at + 1;
      let s = at;
      const floor = Math.max(lastEnd, at - MAX_LOCAL);
      while (s > floor && isLocalChar(text.charCodeAt(s - 1))) s--;
      if (s === floor && s > lastEnd && isLocalChar(text.charCodeAt(s - 1))) continue; // local part too long
      while (s < at && text.charCodeAt(s) === 39) s++; // no leading quote
      // RFC 5322 dot-atom: no leading, trailing or doubled dot in the local part
      if (s === at || text.charCodeAt(s) === 46 || text.charCodeAt(at - 1) === 46 || text.slice(s, at).includes('..')) continue;
      let e = at + 1;
      const ceil = Math.min(text.length, at + 1 + MAX_DOMAIN);
      while (e < ceil && isDomainChar(text.charCodeAt(e))) e++;
      // trim trailing dots / hyphens (sentence punctuation)
      while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
      const domain = text.slice(at + 1, e);
      if (!validDomain(domain)) continue;
      out.push({ entityType: 'EMAIL_ADDRESS', start: s, end: e, score: 1, reason: 'pattern', recognizer: 'email' });
      lastEnd = e;
      from = e;
    }
    return out;
  },
};

function validDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
  }
  const tld = labels[labels.length - 1] as string;
  if (tld.startsWith('xn--')) return tld.length > 4;
  if (tld.length < 2) return false;
  for (let i = 0; i < tld.length; i++) {
    const c = tld.charCodeAt(i);
    if (!(isAsciiLetter(c) || c >= 0xc0)) return false;
  }
  return true;
}
