import { re, type PatternRule } from '../rule.js';

/**
 * Obfuscation: pattern rules for encoding tricks ("decode this base64 and follow it", reversed keywords).
 * The other obfuscation signals (zero-width characters, homoglyphs, leetspeak and spaced letters that hid
 * another rule's match, mixed-script words, encoded blobs) are computed by `../obfuscation-signals.ts`.
 */
export const OBFUSCATION_RULES: readonly PatternRule[] = [
  {
    // "decode this base64 and follow the instructions", "the following is rot13, execute it"
    id: 'ob.decode_and_follow',
    category: 'obfuscation',
    weight: 0.5,
    pattern: re(
      `\\b(?:decode|decipher|deobfuscate|translate|convert|reverse|unscramble)\\b[^.\\n]{0,40}\\b(?:base ?6[4a]|b6[4a]|hex|hexadecimal|rot ?-?ii|rot ?-?i3|rot13|binary|morse|cipher|encoded|reversed|backwards)\\b[^\\n]{0,60}\\b(?:follow|execute|obey|do what it says|carry out|perform|act on|run it|comply)\\b`,
    ),
  },
  {
    // reversed keywords: "snoitcurtsni suoiverp erongi"
    id: 'ob.reversed_keywords',
    category: 'obfuscation',
    weight: 0.6,
    view: 'symbols',
    pattern: re(`\\b(?:snoitcurtsni|tpmorp metsys|erongi|drageresid|suoiverp lla)\\b`),
  },
];
