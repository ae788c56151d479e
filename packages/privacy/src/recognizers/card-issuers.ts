/** A card network's IIN ranges and lengths. */
export interface CardIssuer {
  readonly name: string;
  /** [low, high] inclusive prefix ranges; both bounds have the same number of digits. */
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  readonly lengths: readonly number[];
}

/** IIN ranges of the major networks (ISO/IEC 7812 as published by the networks). */
export const CARD_ISSUERS: readonly CardIssuer[] = [
  { name: 'visa', ranges: [[4, 4]], lengths: [13, 16, 19] },
  { name: 'mastercard', ranges: [[51, 55], [2221, 2720]], lengths: [16] },
  { name: 'amex', ranges: [[34, 34], [37, 37]], lengths: [15] },
  { name: 'discover', ranges: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: [16, 17, 18, 19] },
  { name: 'diners', ranges: [[300, 305], [36, 36], [38, 39]], lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'jcb', ranges: [[3528, 3589]], lengths: [16, 17, 18, 19] },
  { name: 'jcb-15', ranges: [[2131, 2131], [1800, 1800]], lengths: [15] },
  { name: 'unionpay', ranges: [[62, 62], [81, 81]], lengths: [16, 17, 18, 19] },
  { name: 'maestro', ranges: [[50, 50], [56, 69]], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'mir', ranges: [[2200, 2204]], lengths: [16, 17, 18, 19] },
  { name: 'rupay', ranges: [[60, 60], [65, 65], [81, 82], [508, 508]], lengths: [16] },
];

/** The issuer whose IIN range and length fit `digits`, or undefined. */
export function cardIssuer(digits: string): CardIssuer | undefined {
  for (const issuer of CARD_ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    for (const [low, high] of issuer.ranges) {
      const prefix = Number(digits.slice(0, String(low).length));
      if (prefix >= low && prefix <= high) return issuer;
    }
  }
  return undefined;
}
