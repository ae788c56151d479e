import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzePii } from '../analyzer.js';
import { bsnValid, frenchNirValid, germanTaxIdValid, mrzCheckDigit, nhsNumberValid, peselValid, turkishIdValid, verhoeffValid } from './id-checksums.js';
import { NATIONAL_ID_ENTITY_TYPES, NATIONAL_ID_RECOGNIZERS } from './national-id-recognizers.js';

const CASES = join(fileURLToPath(new URL('../../../../../../', import.meta.url)), 'shared/datasets/pii/presidio-recognizer-tests/derived/presidio_recognizer_cases.jsonl');
const detect = (text: string) => analyzePii(text, { recognizers: NATIONAL_ID_RECOGNIZERS, threshold: 0.5 });

interface Row {
  kind: 'span' | 'validator';
  entity_type: string;
  text?: string;
  value?: string;
  expected_count?: number;
  expected_spans?: Array<[number, number]> | null;
  expected_valid?: boolean | null;
}

describe('national identity numbers', () => {
  it('finds checksum-valid numbers, with context raising the score, and refuses wrong check characters', () => {
    expect(detect('Mi DNI es 12345678Z.')).toMatchObject([{ entityType: 'ES_NIF', start: 10, end: 19, reason: 'context' }]);
    expect(detect('12345678A')).toEqual([]);
    expect(detect('NIE X9613851N')).toMatchObject([{ entityType: 'ES_NIE', score: 0.95 }]);
    expect(detect('codice fiscale RSSMRA85T10A562S')).toMatchObject([{ entityType: 'IT_FISCAL_CODE', score: 0.95 }]);
    expect(detect('My Aadhaar number is 4001 2345 6787')).toMatchObject([{ entityType: 'IN_AADHAAR', start: 21, end: 35 }]);
    expect(detect('BSN: 111222333')).toMatchObject([{ entityType: 'NL_BSN', score: 0.85 }]);
    expect(detect('reference 111222333')).toEqual([]); // a bare 11-proof 9-digit number stays below the threshold
    expect(detect('NHS number 943 476 5919')).toMatchObject([{ entityType: 'UK_NHS', score: 0.9 }]);
    expect(detect('Steuer-ID 12345678903')).toMatchObject([{ entityType: 'DE_TAX_ID', score: 0.9 }]);
    expect(detect('TC Kimlik No: 10000000146')).toMatchObject([{ entityType: 'TR_NATIONAL_ID', score: 0.9 }]);
    expect(detect('numéro de sécurité sociale 1 85 05 78 006 084 91')).toMatchObject([{ entityType: 'FR_NIR', score: 0.95, end: 48 }]);
    expect(detect('2 69 02 2B 123 456 67')).toMatchObject([{ entityType: 'FR_NIR', score: 0.85 }]);
    expect(detect('1 85 05 78 006 084 92')).toEqual([]);
  });

  it('reads the ICAO 9303 specimen passport MRZ line and rejects it with one digit changed', () => {
    const line = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(detect(`P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n${line}`)).toMatchObject([{ entityType: 'PASSPORT', end: 45 + 44, score: 1 }]);
    expect(detect(line.replace('7408122', '7408123'))).toEqual([]);
  });

  it('checksum functions', () => {
    expect(verhoeffValid('312345678909')).toBe(true);
    expect(verhoeffValid('123456789012')).toBe(false);
    expect(peselValid('44051401458')).toBe(true);
    expect(peselValid('44051401459')).toBe(false);
    expect(germanTaxIdValid('98765432106')).toBe(true);
    expect(germanTaxIdValid('11112345678')).toBe(false);
    expect(bsnValid('111222333')).toBe(true);
    expect(bsnValid('111222334')).toBe(false);
    expect(bsnValid('000000000')).toBe(false);
    expect(nhsNumberValid('9434765919')).toBe(true);
    expect(nhsNumberValid('9434765918')).toBe(false);
    expect(turkishIdValid('10000000146')).toBe(true);
    expect(turkishIdValid('10000000147')).toBe(false);
    expect(frenchNirValid('185057800608491')).toBe(true);
    expect(frenchNirValid('269022B12345667')).toBe(true);
    expect(frenchNirValid('569022B12345667')).toBe(false);
  });

  it('stays linear and bounded on 1 MB adversarial inputs', () => {
    for (const text of ['1'.repeat(1 << 20), '1234567-'.repeat(1 << 17), 'X1234567'.repeat(1 << 17), '<'.repeat(1 << 20), 'A1'.repeat(1 << 19), '1234 '.repeat(1 << 18)]) {
      const found = detect(text);
      expect(found.length).toBeLessThan(text.length / 8);
      for (const f of found) expect(f.end).toBeLessThanOrEqual(text.length);
    }
  });

  it.skipIf(!existsSync(CASES))('passes the Presidio recogniser test cases of these types (span rows and validators)', () => {
    const rows = readFileSync(CASES, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row)
      .filter((r) => NATIONAL_ID_ENTITY_TYPES.includes(r.entity_type));
    const misses: string[] = [];
    let spans = 0;
    for (const row of rows.filter((r) => r.kind === 'span')) {
      spans++;
      const found = detect(row.text!).filter((d) => d.entityType === row.entity_type);
      const want = row.expected_count ?? 0;
      const ok = want === 0 ? found.length === 0 : found.length === want && (row.expected_spans ?? []).every(([a, b]) => found.some((f) => f.start === a && f.end === b));
      if (!ok) misses.push(`${row.entity_type} ${JSON.stringify(row.text)} want ${want} got ${found.length}`);
    }
    expect(spans).toBeGreaterThan(140);
    expect(misses).toEqual(EXPECTED_MISSES);
    const validators: Record<string, (v: string) => boolean> = { PL_PESEL: peselValid, DE_TAX_ID: germanTaxIdValid, IN_AADHAAR: verhoeffValid };
    for (const row of rows.filter((r) => r.kind === 'validator' && r.expected_valid !== null && validators[r.entity_type])) {
      expect(validators[row.entity_type]!(String(row.value)), `${row.entity_type} ${row.value}`).toBe(row.expected_valid);
    }
  });
});

/**
 * Presidio cases these recognisers decide differently: Presidio reports the codice fiscale shape with a wrong control
 * character as a weak match (score from 0.3); here it scores 0.4, below the default threshold of 0.5.
 */
const EXPECTED_MISSES: string[] = ['IT_FISCAL_CODE "AAAAAA00B11C333N" want 1 got 0', 'IT_FISCAL_CODE "AAAAAA00B11C333Y and AAAAAA00B11C333N" want 2 got 1'];
