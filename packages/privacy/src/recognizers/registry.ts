import { creditCardRecognizer } from './credit-card.js';
import { cryptoWalletRecognizer } from './crypto-wallet.js';
import { dateOfBirthRecognizer } from './date-of-birth.js';
import { emailRecognizer } from './email.js';
import { ibanRecognizer } from './iban.js';
import { NATIONAL_ID_RECOGNIZERS } from './national-ids/national-id-recognizers.js';
import { ipAddressRecognizer } from './ip-address.js';
import { personNameRecognizer } from './person-name.js';
import { createPhoneRecognizer } from './phone.js';
import { streetAddressRecognizer } from './street-address.js';
import type { PiiRecognizer } from './types.js';
import { ukNinoRecognizer } from './uk-nino.js';
import { urlRecognizer } from './url.js';
import { usSsnRecognizer } from './us-ssn.js';
import { uuidRecognizer } from './uuid.js';

/** The built-in recognisers, in the order they run. */
export const BUILTIN_RECOGNIZERS: readonly PiiRecognizer[] = [
  emailRecognizer,
  createPhoneRecognizer(),
  creditCardRecognizer,
  ibanRecognizer,
  ipAddressRecognizer,
  urlRecognizer,
  usSsnRecognizer,
  ukNinoRecognizer,
  cryptoWalletRecognizer,
  dateOfBirthRecognizer,
  streetAddressRecognizer,
  personNameRecognizer,
  uuidRecognizer,
  ...NATIONAL_ID_RECOGNIZERS,
];

/** Every entity type the built-in recognisers report (llm-guard / Presidio names where they exist). */
export const PII_ENTITY_TYPES: readonly string[] = [...new Set(BUILTIN_RECOGNIZERS.flatMap((r) => r.entityTypes))];

/**
 * Entity types Anonymize detects by default: llm-guard's defaults that have a recogniser here
 * (`CREDIT_CARD`, `CRYPTO`, `EMAIL_ADDRESS`, `IBAN_CODE`, `IP_ADDRESS`, `PERSON`, `PHONE_NUMBER`, `URL`, `US_SSN`,
 * `UUID`) plus `UK_NINO`, `DATE_OF_BIRTH` and `STREET_ADDRESS`, which llm-guard leaves unredacted.
 */
export const DEFAULT_ENTITY_TYPES: readonly string[] = PII_ENTITY_TYPES;
