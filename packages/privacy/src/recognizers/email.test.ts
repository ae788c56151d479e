import { describe, expect, it } from 'vitest';
import { emailRecognizer } from './email.js';

const found = (text: string) => emailRecognizer.detect(text).map((d) => text.slice(d.start, d.end));

describe('emailRecognizer', () => {
  it('finds addresses with dots, plus tags, sub-domains and trailing punctuation', () => {
    expect(found('Mail john.doe+x@mail.acme.co.uk, or ops@acme.io.')).toEqual(['john.doe+x@mail.acme.co.uk', 'ops@acme.io']);
  });
  it('rejects domains without a valid TLD and bare @ handles', () => {
    expect(found('user@localhost, @handle, a@b.c, x@-bad.com, x@1.23')).toEqual([]);
  });
  it('reports a pattern reason with score 1', () => {
    expect(emailRecognizer.detect('a@b.org')[0]).toMatchObject({ entityType: 'EMAIL_ADDRESS', score: 1, reason: 'pattern' });
  });
  it('stays linear on 1 MB of @ and on a 1 MB local part', () => {
    expect(found('@'.repeat(1_000_000))).toEqual([]);
    expect(found('a'.repeat(1_000_000) + '@acme.com')).toEqual([]);
    const many = 'a@b.io '.repeat(100_000);
    expect(emailRecognizer.detect(many)).toHaveLength(100_000);
  });
});
