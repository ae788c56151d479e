import type { SecretRuleData } from './rule-types.js';

/**
 * Rules written here for what gitleaks' defaults leave to detect-secrets (llm-guard's engine): credentials in
 * URLs, quoted password assignments and high-entropy quoted strings. Bounded quantifiers only (linear).
 */
export const EXTRA_SECRET_RULES: readonly SecretRuleData[] = [
  {
    id: 'basic-auth-url',
    description: 'A URL with a user name and password (detect-secrets BasicAuthDetector).',
    regex: '\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\\s:@/\'"`]{1,128}:([^\\s:@/\'"`]{3,128})@[a-zA-Z0-9.-]{1,253}',
    keywords: ['://'],
    allowlists: [{ regexes: ['^(?:\\$\\{?\\w+\\}?|<[^>]*>|\\*+|x+|\\.+|password|pass|pwd|secret|changeme)$'], target: 'secret' }],
  },
  {
    id: 'password-assignment',
    description: 'A quoted value assigned to a password-like key (detect-secrets KeywordDetector).',
    regex:
      '(?:[pP][aA][sS][sS](?:[wW][oO][rR][dD]|[wW][dD])?|[pP][wW][dD]|[sS][eE][cC][rR][eE][tT]|[aA][pP][iI][_-]?[kK][eE][yY]|[aA][uU][tT][hH][_-]?[tT][oO][kK][eE][nN]|[aA][cC][cC][eE][sS][sS][_-]?[tT][oO][kK][eE][nN])[\\w.-]{0,20}["\']?\\s{0,3}(?:=|:=|:|=>|==)\\s{0,3}(["\'`])([^"\'`\\s$<>{}]{6,128})\\1',
    keywords: ['pass', 'pwd', 'secret', 'api', 'token'],
    secretGroup: 2,
    entropy: 2.5,
    allowlists: [
      {
        regexes: ['^(?:[a-z]+|[A-Z][a-z]+|x+|X+|\\*+|\\.+|-+|0+|1234\\w*|changeme\\w*|password\\w*|example\\w*|your[_-]?\\w*|dummy\\w*|test\\w*|placeholder\\w*|redacted\\w*|null|none|true|false)$'],
        target: 'secret',
      },
    ],
  },
  {
    id: 'high-entropy-base64',
    description: 'A quoted base64 string of 20+ characters with entropy ≥ 4.5 (detect-secrets Base64HighEntropyString).',
    regex: '(["\'`])([A-Za-z0-9+/]{20,512}={0,2})\\1',
    keywords: [],
    secretGroup: 2,
    entropy: 4.5,
  },
  {
    id: 'high-entropy-hex',
    description: 'A quoted hexadecimal string of 32+ characters with entropy ≥ 3.0 assigned to a key (detect-secrets HexHighEntropyString).',
    regex: '(?:[kK][eE][yY]|[sS][eE][cC][rR][eE][tT]|[tT][oO][kK][eE][nN]|[pP][aA][sS][sS][wW]?[oO]?[rR]?[dD]?)[\\w.-]{0,20}["\']?\\s{0,3}(?:=|:=|:|=>)\\s{0,3}(["\'`])([0-9a-fA-F]{32,512})\\1',
    keywords: ['key', 'secret', 'token', 'pass'],
    secretGroup: 2,
    entropy: 3.0,
  },
];
