import { isAsciiAlnum } from './char-classes.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/g;

const IPV4_EXACT = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** True when `s` is a valid IPv6 address (RFC 4291 text forms, with an optional embedded IPv4 tail). */
export function isValidIpv6(s: string): boolean {
  if (s.length < 2 || s.length > 45) return false;
  let body = s;
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!IPV4_EXACT.test(tail)) return false;
    body = body.slice(0, lastColon + 1) + '0:0';
  }
  const groups = (side: string): number => {
    if (side === '') return 0;
    let count = 0;
    for (const g of side.split(':')) {
      if (g.length < 1 || g.length > 4) return -1;
      for (let i = 0; i < g.length; i++) if (!isHex(g.charCodeAt(i))) return -1;
      count++;
    }
    return count;
  };
  const double = body.indexOf('::');
  if (double >= 0) {
    if (body.indexOf('::', double + 1) >= 0) return false;
    const left = groups(body.slice(0, double));
    const right = groups(body.slice(double + 2));
    return left >= 0 && right >= 0 && left + right <= 7;
  }
  return groups(body) === 8;
}

/**
 * IP addresses (`IP_ADDRESS`): dotted-quad IPv4 (score 0.95, reason `pattern`, each octet 0–255, no leading zeros)
 * and IPv6 in every RFC 4291 text form incl. `::` compression, embedded IPv4 and a `%zone` (score 0.95, reason
 * `checksum`: structurally validated). IPv6 candidates are maximal runs of hex digits, `:`, `.` read once (linear).
 * Misses: IPv4 with leading zeros (`010.1.1.1`), hex/octal/integer forms, CIDR suffixes are not included.
 */
export const ipAddressRecognizer: PiiRecognizer = {
  id: 'ip-address',
  entityTypes: ['IP_ADDRESS'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    if (text.includes('.')) {
      IPV4.lastIndex = 0;
      for (let m = IPV4.exec(text); m; m = IPV4.exec(text)) {
        if (m.index > 0 && (isAsciiAlnum(text.charCodeAt(m.index - 1)) || text.charCodeAt(m.index - 1) === 58)) continue;
        const end = m.index + m[0].length;
        if (end < text.length && /[A-Za-z_]/.test(text[end] as string)) continue;
        out.push({ entityType: 'IP_ADDRESS', start: m.index, end, score: 0.95, reason: 'pattern', recognizer: 'ip-address' });
      }
    }
    if (text.includes(':')) {
      const n = text.length;
      let i = 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (!(isHex(c) || c === 58)) {
          i++;
          continue;
        }
        const start = i;
        let colons = 0;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (isHex(d) || d === 46) i++;
          else if (d === 58) {
            colons++;
            i++;
          } else break;
        }
        let end = i;
        if (colons < 2 || end - start > 45 || (start > 0 && isAsciiAlnum(text.charCodeAt(start - 1)))) continue;
        if (end < n && /[G-Zg-z_]/.test(text[end] as string)) continue;
        // sentence punctuation after the address
        while (end > start && text.charCodeAt(end - 1) === 46) end--;
        let candidate = text.slice(start, end);
        if (candidate.endsWith(':') && !candidate.endsWith('::')) candidate = candidate.slice(0, -1);
        if (!/[0-9A-Fa-f]/.test(candidate) || !isValidIpv6(candidate)) continue;
        let stop = start + candidate.length;
        if (text.charCodeAt(stop) === 37) {
          // zone id: %eth0
          let z = stop + 1;
          while (z < n && z - stop < 16 && isAsciiAlnum(text.charCodeAt(z))) z++;
          if (z > stop + 1) stop = z;
        }
        out.push({ entityType: 'IP_ADDRESS', start, end: stop, score: 0.95, reason: 'checksum', recognizer: 'ip-address' });
      }
    }
    return out;
  },
};
