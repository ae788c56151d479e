import { describe, expect, it } from 'vitest';
import { cryptoWalletRecognizer, isValidBase58Check, isValidBech32, isValidEip55 } from './crypto-wallet.js';

const found = (text: string) => cryptoWalletRecognizer.detect(text).map((d) => [text.slice(d.start, d.end), d.score]);

describe('cryptoWalletRecognizer', () => {
  it('accepts checksum-valid Bitcoin and Ethereum addresses', () => {
    expect(
      found('btc 1BoatSLRHtKNngkdXEeobR76b53LETtpyT 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'),
    ).toEqual([
      ['1BoatSLRHtKNngkdXEeobR76b53LETtpyT', 1],
      ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 1],
      ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 1],
      ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 1],
    ]);
  });
  it('rejects broken checksums; all-lower-case Ethereum gets the pattern score', () => {
    expect(isValidBase58Check('1BoatSLRHtKNngkdXEeobR76b53LETtpyU')).toBe(false);
    expect(isValidBech32('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr')).toBe(false);
    expect(isValidEip55('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false);
    expect(found('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toEqual([['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 0.6]]);
  });
  it('is linear on 10 MB of base58 characters', () => {
    expect(found('1'.repeat(10_000_000))).toEqual([]);
    expect(found('1Boat '.repeat(1_000_000))).toEqual([]);
  });
});
