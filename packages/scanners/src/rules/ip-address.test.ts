import { describe, expect, it } from 'vitest';
import { isIpLiteral, isNonPublicAddress, parseIPv6 } from './ip-address.js';

describe('ip-address', () => {
  it('parses IPv6 forms', () => {
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('[fe80::1%eth0]')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIPv6('example.com')).toBeUndefined();
  });

  it('refuses loopback, private, link-local, metadata and mapped addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', '[::ffff:10.0.0.1]', 'fd00::1', 'fe80::1', '64:ff9b::a00:1', 'not-an-ip']) {
      expect(isNonPublicAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '[2a00:1450:4001:80b::200e]']) {
      expect(isNonPublicAddress(a), a).toBe(false);
    }
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(isIpLiteral('example.com')).toBe(false);
  });
});
