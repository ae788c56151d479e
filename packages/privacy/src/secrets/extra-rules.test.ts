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
  it('find the credential kinds added for detect-secrets and secretlint fixtures', () => {
    expect(rules('key=' + 'sk-proj-Xi8tdMjHV6pmbBbwilTe' + 'T3BlbkFJ' + '3UDnpdEwNNm6wVBpYM0o')).toEqual(['openai-project-key']);
    expect(rules('token ' + 'glcbt-' + 'Kq3x9Lm2Pz8Vb4Nw7Rt5')).toEqual(['gitlab-ci-build-token']);
    expect(rules('glptt-' + 'Need5_T00-be-exactly-40-chars--ELse_fail')).toEqual(['gitlab-pipeline-trigger-token']);
    expect(rules('DOCKER_TOKEN=' + 'dckr_pat_' + 'Xq7vB2nLp9Rt4Kw8Zc1Hm5Gd3Fs')).toEqual(['docker-personal-access-token']);
    expect(rules('figd_' + 'aBcDeFgHiJkLmNoPqRsT1234567890abcdefghijklmnop')).toEqual(['figma-personal-access-token']);
    expect(rules('tskey-api-' + 'kQ3xT9mLp2Zs' + '-Vb8Nw4Rt7Yc1Hm5Gd3Fs6Jq2')).toEqual(['tailscale-key']);
    expect(rules('vcp_' + 'aBcDeFgHiJkLmNoPqRsT1234567890abcdefghij')).toEqual(['vercel-token']);
    expect(rules('shpss_' + 'QlRSJy5AXX1cILNjVatTsEIhFxuPF5ex')).toEqual(['shopify-app-secret']);
    expect(rules('pypi-AgENdGVzdC5weXBpLm9yZw' + 'IkN2YxOWZhOWEtY2FjYS00MGZhLTj2MGEtODFjMnE2MjdmMzY0AAIqWzMsImJlM2FiOWI5')).toEqual(['pypi-test-upload-token']);
    expect(rules('eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9' + '.eyJuYW1lIjoiSm9lIiwKInN0YXR1cyI6ImVtcGxveWVlIgp9')).toEqual(['jwt-unsigned']);
  });
  it('private-key headers: a cut-off key or prose body is found, a placeholder block is not', () => {
    expect(rules('some text here\n-----BEGIN PRIVATE KEY-----\nyabba dabba doo')).toEqual(['private-key-header']);
    expect(rules('-----BEGIN RSA PRIVATE KEY-----\nsuper secret private key here\n-----END RSA PRIVATE KEY-----')).toEqual(['private-key-header']);
    for (const body of ['...', '***', 'xxx', 'YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=']) {
      expect(rules(`-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`)).toEqual([]);
    }
  });
  it('comparisons and pass phrases with spaces, not instructions', () => {
    expect(rules('if (db_pass !== "m{{h}o)p${e]nob(ody[finds>-_$#thisone}}") {')).toEqual(['password-assignment']);
    expect(rules('if ("m{{h}o)p${e]nob(ody[finds>-_$#thisone}}" === private_key) {')).toEqual(['password-comparison-reversed']);
    expect(rules('password = "value with quotes and spaces"')).toEqual(['password-assignment-spaced']);
    expect(rules('password = "enter your password here"')).toEqual([]);
    expect(rules('api_key: "<your key>"')).toEqual([]);
  });
  it('stay linear on 1 MB adversarial shapes of the new rules', () => {
    for (const shape of ['eyJaaaaaaaaaaaa.', '-----BEGIN PRIVATE KEY-----', 'password = "a ', '"aaaaaa" === ', 'tskey-api-', 'sk-proj-aaaa', 'glptt-']) {
      const text = shape.repeat(Math.ceil(1_000_000 / shape.length));
      const found = detector.detect(text);
      expect(found.length).toBeLessThan(text.length / 8);
    }
  });
});
