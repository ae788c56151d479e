import { scanOutput, scanPrompt, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createAnonymize } from './anonymize.js';
import { createDeanonymize } from './deanonymize.js';

/** Small seeded generator (mulberry32) so the 1,000 texts are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOLS: Record<string, string[]> = {
  email: ['john.doe@acme.com', 'maria.garcia@example.org', 'ops+alerts@corp.io', 'zhang.wei@mail.cn', 'j.smith@uni.ac.uk'],
  phone: ['+1 415 555 0100', '+44 20 7946 0958', '(650) 253-0000', '+49 30 901820', '+33 1 42 68 53 00'],
  card: ['4111 1111 1111 1111', '5555-5555-5555-4444', '378282246310005', '6011111111111117'],
  iban: ['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'FR1420041010050500013M02606'],
  ip: ['192.168.10.24', '10.0.0.1', '2001:db8::8a2e:370:7334', '172.16.254.1'],
  name: ['John Smith', 'Maria Garcia', 'Dr. Watson', 'Emily Johnson', 'Ahmed Khan'],
  ssn: ['536-90-4399', '219-09-9990', '078-05-1121'],
  url: ['https://intranet.acme.com/hr?id=42', 'www.example.org/profile', 'http://10.1.2.3:8080/admin'],
  wallet: ['1BoatSLRHtKNngkdXEeobR76b53LETtpyT', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
  address: ['742 Evergreen Terrace, Springfield, IL 62704', '221B Baker Street', '1600 Pennsylvania Avenue NW'],
};
const FILLERS = ['Please update the record for', 'Contact', 'and also', 'Send the invoice to', 'The customer said', 'Reach out via', 'Note:', 'before Friday, thanks.', 'or', '—'];

function generate(random: () => number): string {
  const keys = Object.keys(POOLS);
  const parts: string[] = [];
  const n = 1 + Math.floor(random() * 5);
  for (let i = 0; i < n; i++) {
    parts.push(FILLERS[Math.floor(random() * FILLERS.length)] as string);
    const pool = POOLS[keys[Math.floor(random() * keys.length)] as string] as string[];
    parts.push(pool[Math.floor(random() * pool.length)] as string);
  }
  parts.push(FILLERS[Math.floor(random() * FILLERS.length)] as string);
  return parts.join(' ');
}

describe('Anonymize → model echo → Deanonymize round trip', () => {
  it('restores the exact original text for 1,000 generated texts with mixed entity types (placeholders)', async () => {
    const random = rng(12);
    const anonymize = createAnonymize();
    const deanonymize = createDeanonymize();
    let replaced = 0;
    for (let i = 0; i < 1000; i++) {
      const text = generate(random);
      const vault = new Vault();
      const a = await anonymize.scan(text, { vault });
      replaced += a.findings.reduce((n, f) => n + f.spans.length, 0);
      const d = await deanonymize.scan(text, a.sanitizedText, { vault });
      expect(d.sanitizedText).toBe(text);
    }
    expect(replaced).toBeGreaterThan(2000);
  });
  it('restores the exact original text for 1,000 generated texts with fakes (useFaker)', async () => {
    const random = rng(34);
    const anonymize = createAnonymize({ useFaker: true });
    const deanonymize = createDeanonymize();
    for (let i = 0; i < 1000; i++) {
      const text = generate(random);
      const vault = new Vault();
      const a = await anonymize.scan(text, { vault });
      expect(a.sanitizedText === text).toBe(a.findings.length === 0);
      const d = await deanonymize.scan(text, a.sanitizedText, { vault });
      expect(d.sanitizedText).toBe(text);
    }
  });
  it('chains through the sequential pipeline: the next scanner sees the anonymised prompt, output is restored', async () => {
    const vault = new Vault();
    const seen: string[] = [];
    const spy = { specificationVersion: 'v1' as const, kind: 'input' as const, name: 'Spy', scan: async (p: string) => (seen.push(p), (await createAnonymize().scan('', { vault: new Vault() }))) };
    const prompt = 'Email john.doe@acme.com or call +1 415 555 0100';
    const result = await scanPrompt([createAnonymize(), spy], prompt, { vault });
    expect(seen).toEqual(['Email [REDACTED_EMAIL_ADDRESS_1] or call [REDACTED_PHONE_NUMBER_1]']);
    const out = await scanOutput([createDeanonymize({ matchingStrategy: 'case_insensitive' })], result.sanitizedText, 'Sure: [redacted_email_address_1] / [REDACTED_PHONE_NUMBER_1]', { vault });
    expect(out.sanitizedText).toBe('Sure: john.doe@acme.com / +1 415 555 0100');
  });
});
