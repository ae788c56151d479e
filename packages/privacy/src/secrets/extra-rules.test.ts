import { describe, expect, it } from 'vitest';
import { SecretDetector } from './secret-detector.js';

const detector = new SecretDetector();
const rules = (text: string) => detector.detect(text).map((f) => f.ruleId);

describe('extra (detect-secrets-style) rules', () => {
  it('find chat, mail, registry and legacy tokens', () => {
    expect(rules('bot 110201543:' + 'AAHdqTcvCH1vGWJxfSe1ofSAs0K5PALDsaw')).toEqual(['telegram-bot-token']);
    expect(rules('key ' + '343ea45721923ed956e2b38c31db76aa' + '-us30')).toEqual(['mailchimp-api-key']);
    expect(rules('//registry.npmjs.org/:_authToken=' + '346a14f2-a672-4668-a892-956a462ab56e')).toEqual(['npm-auth-token']);
    expect(rules('xoxp-' + '523423-234243-234233-e039d02840a0b9379c')).toEqual(['slack-legacy-token']);
    expect(rules('MTk4NjIyNDgzNDcxOTI1MjQ4' + '.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs')).toEqual(['discord-bot-token']);
  });
  it('find quoted and unquoted password assignments, not placeholders or plain words', () => {
    expect(rules('my password: Tr0ub4dor&3x')).toEqual(['password-assignment-unquoted']);
    expect(rules("db_password = 'Zq8#pLm2!v'")).toEqual(['password-assignment']);
    expect(rules('password: ${DB_PASSWORD}')).toEqual([]);
    expect(rules('CLOUD_APIKEY: "insert_key_here"')).toEqual([]);
    expect(rules('The secret: happiness is simple.')).toEqual([]);
  });
});
