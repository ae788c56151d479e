import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { isAsciiAlnum } from './char-classes.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function base58Decode(s: string): Uint8Array | null {
  const bytes: number[] = [0];
  for (const ch of s) {
    let carry = BASE58.indexOf(ch);
    if (carry < 0) return null;
    for (let i = 0; i < bytes.length; i++) {
      carry += (bytes[i] as number) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let i = 0; i < s.length && s[i] === '1'; i++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

/** True for a Base58Check Bitcoin address (P2PKH `1…` or P2SH `3…`) whose double-SHA-256 checksum holds. */
export function isValidBase58Check(address: string): boolean {
  const raw = base58Decode(address);
  if (!raw || raw.length !== 25) return false;
  const payload = raw.subarray(0, 21);
  const check = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (check[i] !== raw[21 + i]) return false;
  return raw[0] === 0 || raw[0] === 5;
}

function bech32Polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i] as number;
  }
  return chk >>> 0;
}

/** True for a segwit `bc1…` address whose bech32 (v0) or bech32m (v1+) checksum holds. */
export function isValidBech32(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower !== address && address.toUpperCase() !== address) return false;
  const sep = lower.lastIndexOf('1');
  const hrp = lower.slice(0, sep);
  if (hrp !== 'bc' || lower.length - sep - 1 < 7) return false;
  const data: number[] = [];
  for (const ch of lower.slice(sep + 1)) {
    const v = BECH32.indexOf(ch);
    if (v < 0) return false;
    data.push(v);
  }
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...data];
  const mod = bech32Polymod(expanded);
  const version = data[0];
  return (version === 0 && mod === 1) || (version !== undefined && version > 0 && mod === 0x2bc830a3);
}

/** EIP-55 mixed-case checksum of a `0x` + 40-hex Ethereum address. */
export function isValidEip55(address: string): boolean {
  const hex = address.slice(2);
  const hash = keccak_256(new TextEncoder().encode(hex.toLowerCase()));
  for (let i = 0; i < 40; i++) {
    const ch = hex[i] as string;
    if (!/[a-fA-F]/.test(ch)) continue;
    const nibble = ((hash[i >> 1] as number) >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    if ((nibble >= 8) !== (ch === ch.toUpperCase())) return false;
  }
  return true;
}

/**
 * Crypto wallet addresses (`CRYPTO`): Bitcoin Base58Check (`1…`, `3…`, double-SHA-256 checksum) and bech32/bech32m
 * (`bc1…`) with their checksums (score 1.0, reason `checksum`); Ethereum `0x` + 40 hex with a valid EIP-55
 * checksum when mixed-case (1.0, `checksum`) or all one case (0.6, `pattern`: no checksum to check). Reads maximal
 * alphanumeric runs once (linear). Misses: other chains (Monero, Solana, XRP…), testnet addresses.
 */
export const cryptoWalletRecognizer: PiiRecognizer = {
  id: 'crypto-wallet',
  entityTypes: ['CRYPTO'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isAsciiAlnum(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++;
      const len = i - start;
      if (len < 26 || len > 90) continue;
      const token = text.slice(start, i);
      const first = token[0];
      let score = 0;
      let reason: PiiDetection['reason'] = 'checksum';
      if ((first === '1' || first === '3') && len <= 35 && isValidBase58Check(token)) score = 1;
      else if (/^bc1/i.test(token) && len >= 14 && isValidBech32(token)) score = 1;
      else if (len === 42 && /^0x[0-9a-fA-F]{40}$/.test(token)) {
        const hex = token.slice(2);
        if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) {
          score = 0.6;
          reason = 'pattern';
        } else if (isValidEip55(token)) score = 1;
      }
      if (score > 0) out.push({ entityType: 'CRYPTO', start, end: i, score, reason, recognizer: 'crypto-wallet' });
    }
    return out;
  },
};
