import type { Vault } from '@llm-shield/core';
import type { Faker } from '@faker-js/faker';

/** Seed of the fake-data generator of each vault (llm-guard seeds its Faker with 100). */
export const DEFAULT_FAKER_SEED = 100;

const generators = new WeakMap<Vault, Faker>();
let fakerModule: Promise<typeof import('@faker-js/faker')> | undefined;

/** Entity types with a realistic fake; the others keep `[REDACTED_<TYPE>_<n>]` placeholders under `useFaker`. */
export const FAKEABLE_ENTITY_TYPES: readonly string[] = [
  'CREDIT_CARD',
  'EMAIL_ADDRESS',
  'IBAN_CODE',
  'IP_ADDRESS',
  'PERSON',
  'PHONE_NUMBER',
  'URL',
  'US_SSN',
  'UUID',
  'CRYPTO',
  'STREET_ADDRESS',
  'DATE_OF_BIRTH',
];

/**
 * The vault's own fake-data generator (`@faker-js/faker`, English locale), created on first use and seeded with
 * `seed`, so one vault gives a reproducible sequence and two vaults never share state. Loaded lazily: Anonymize
 * without `useFaker` never loads faker.
 */
export async function fakerFor(vault: Vault, seed: number = DEFAULT_FAKER_SEED): Promise<Faker> {
  let faker = generators.get(vault);
  if (!faker) {
    fakerModule ??= import('@faker-js/faker');
    const { Faker: FakerClass, en, base } = await fakerModule;
    faker = new FakerClass({ locale: [en, base] });
    faker.seed(seed);
    generators.set(vault, faker);
  }
  return faker;
}

/** A realistic fake value of `entityType`, or `undefined` when the type has none. */
export function fakeValue(faker: Faker, entityType: string): string | undefined {
  switch (entityType) {
    case 'CREDIT_CARD':
      return faker.finance.creditCardNumber();
    case 'EMAIL_ADDRESS':
      return faker.internet.email().toLowerCase();
    case 'IBAN_CODE':
      return faker.finance.iban();
    case 'IP_ADDRESS':
      return faker.internet.ipv4();
    case 'PERSON':
      return faker.person.fullName();
    case 'PHONE_NUMBER':
      return faker.phone.number({ style: 'international' });
    case 'URL':
      return faker.internet.url();
    case 'US_SSN':
      return `${faker.number.int({ min: 100, max: 665 })}-${faker.string.numeric(2).replace(/^00$/, '01')}-${faker.string.numeric(4).replace(/^0000$/, '0001')}`;
    case 'UUID':
      return faker.string.uuid();
    case 'CRYPTO':
      return faker.finance.ethereumAddress();
    case 'STREET_ADDRESS':
      return faker.location.streetAddress();
    case 'DATE_OF_BIRTH':
      return faker.date.birthdate().toISOString().slice(0, 10);
    default:
      return undefined;
  }
}
