/**
 * Check-digit algorithms of national identity numbers. Pure functions over ASCII strings; each returns false for
 * input of the wrong shape instead of throwing.
 */

const DIGITS = /^\d+$/;

/** Whether `yymmdd`-style parts make a real calendar date (UTC, proleptic Gregorian). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Spanish DNI/NIF control letter of an 8-digit number (mod 23 over `TRWAGMYFPDXBNJZSQVHLCKE`). */
export function spanishControlLetter(number: number): string {
  return 'TRWAGMYFPDXBNJZSQVHLCKE'.charAt(number % 23);
}

/** Italian codice fiscale: 16 characters whose last is the control character of the first 15 (odd/even tables). */
export function italianFiscalCodeValid(code: string): boolean {
  if (!/^[A-Z0-9]{16}$/.test(code)) return false;
  const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = code.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 65; // digits 0-9 and letters A-Z share the same index in both tables
    sum += i % 2 === 0 ? ODD[value]! : value;
  }
  return code.charCodeAt(15) === 65 + (sum % 26);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff check (Indian Aadhaar): the whole digit string, check digit included, must reduce to 0. */
export function verhoeffValid(digits: string): boolean {
  if (!DIGITS.test(digits)) return false;
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![digits.charCodeAt(digits.length - 1 - i) - 48]!]!;
  return c === 0;
}

/** Luhn over a digit string (Swedish personnummer: the 10-digit form). */
export function luhnDigitsValid(digits: string): boolean {
  if (!DIGITS.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Polish PESEL: 11 digits, weights 1,3,7,9 repeated, and a real birth date (month offsets encode the century). */
export function peselValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const d = (i: number) => digits.charCodeAt(i) - 48;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += d(i) * weights[i]!;
  if ((10 - (sum % 10)) % 10 !== d(10)) return false;
  let month = d(2) * 10 + d(3);
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(month / 20)];
  if (century === undefined) return false;
  month %= 20;
  return isValidDate(century + d(0) * 10 + d(1), month, d(4) * 10 + d(5));
}

/**
 * German Steuerliche Identifikationsnummer: 11 digits, no leading 0; in the first 10, at most one digit repeated, at
 * most 3 times and never three in a row (numbers issued before 2016 repeat none); ISO 7064 MOD 11,10 check digit.
 */
export function germanTaxIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[digits.charCodeAt(i) - 48]!++;
  const repeated = counts.filter((c) => c > 1);
  if (repeated.length > 1 || (repeated[0] ?? 0) > 3) return false;
  if (/(\d)\1\1/.test(digits.slice(0, 10))) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (digits.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === digits.charCodeAt(10) - 48;
}

/** Dutch BSN: 9 digits passing the 11-proof (weights 9…2 and −1), not all zeros. */
export function bsnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (9 - i);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/** UK NHS number: 10 digits, weights 10…2, check = 11 − (sum mod 11) (11 → 0; 10 is never issued). */
export function nhsNumberValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === digits.charCodeAt(9) - 48;
}

/** Finnish henkilötunnus: DDMMYY, century sign, 3-digit individual number, control character (mod 31). */
export function finnishIdValid(code: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+ABCDEFUVWXY])(\d{3})([0-9A-Y])$/.exec(code);
  if (!m) return false;
  const sign = m[4]!;
  const century = sign === '+' ? 1800 : '-UVWXY'.includes(sign) ? 1900 : 2000;
  if (!isValidDate(century + Number(m[3]), Number(m[2]), Number(m[1]))) return false;
  const n = Number(m[1]! + m[2]! + m[3]! + m[5]!);
  return '0123456789ABCDEFHJKLMNPRSTUVWXY'.charAt(n % 31) === m[6];
}

/** ICAO 9303 check digit of an MRZ field: weights 7, 3, 1; digits as is, `A`–`Z` 10–35, `<` 0. */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += value * weights[i % 3]!;
  }
  return sum % 10;
}

/** Turkish T.C. Kimlik No: 11 digits, no leading 0, 10th = (7 × odd-position sum − even-position sum) mod 10, 11th = sum of the first 10 mod 10. */
export function turkishIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const d = (i: number) => digits.charCodeAt(i) - 48;
  const odd = d(0) + d(2) + d(4) + d(6) + d(8);
  const even = d(1) + d(3) + d(5) + d(7);
  if ((((7 * odd - even) % 10) + 10) % 10 !== d(9)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += d(i);
  return sum % 10 === d(10);
}

/**
 * French NIR (numéro de sécurité sociale): 13 characters (sex 1/2/3/4/7/8, year, month, department — `2A`/`2B` for
 * Corsica —, commune, order) and a 2-digit key = 97 − (number mod 97), Corsica counted as 19 / 18.
 */
export function frenchNirValid(compact: string): boolean {
  const m = /^([123478]\d{4})(\d{2}|2[AB])(\d{6})(\d{2})$/.exec(compact.toUpperCase());
  if (!m) return false;
  const dept = m[2] === '2A' ? '19' : m[2] === '2B' ? '18' : m[2]!;
  const number = `${m[1]}${dept}${m[3]}`;
  let rest = 0;
  for (let i = 0; i < number.length; i++) rest = (rest * 10 + (number.charCodeAt(i) - 48)) % 97;
  return 97 - rest === Number(m[4]);
}
