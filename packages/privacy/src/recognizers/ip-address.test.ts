import { describe, expect, it } from 'vitest';
import { ipAddressRecognizer, isValidIpv6 } from './ip-address.js';

const found = (text: string) => ipAddressRecognizer.detect(text).map((d) => text.slice(d.start, d.end));

describe('ipAddressRecognizer', () => {
  it('finds IPv4 and IPv6 forms', () => {
    expect(found('hosts 10.0.0.1, 255.255.255.255. and 2001:db8::8a2e:370:7334, ::1, fe80::1%eth0, ::ffff:192.0.2.1')).toEqual([
      '10.0.0.1',
      '255.255.255.255',
      '2001:db8::8a2e:370:7334',
      '::1',
      'fe80::1%eth0',
      '::ffff:192.0.2.1',
    ]);
  });
  it('rejects out-of-range octets, version strings and clock times', () => {
    expect(found('256.1.1.1 1.2.3.4.5 v1.2.3 at 10:30:45 or 1:2:3')).toEqual([]);
  });
  it('validates IPv6 structure', () => {
    expect(isValidIpv6('1:2:3:4:5:6:7:8')).toBe(true);
    expect(isValidIpv6('1:2:3:4:5:6:7:8:9')).toBe(false);
    expect(isValidIpv6('1::2::3')).toBe(false);
    expect(isValidIpv6('12345::')).toBe(false);
  });
  it('is linear on 10 MB of colons, dots and digits', () => {
    expect(found(':'.repeat(10_000_000))).toEqual([]);
    expect(found('1.'.repeat(2_000_000))).toEqual([]);
    expect(found('a:'.repeat(2_000_000))).toEqual([]);
  });
});
