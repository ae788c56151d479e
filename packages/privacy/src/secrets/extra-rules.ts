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
      '(?:[pP][aA][sS][sS](?:[wW][oO][rR][dD]|[wW][dD])?|[pP][wW][dD]|[sS][eE][cC][rR][eE][tT]|[aA][pP][iI][_-]?[kK][eE][yY]|[aA][uU][tT][hH][_-]?[tT][oO][kK][eE][nN]|[aA][cC][cC][eE][sS][sS][_-]?[tT][oO][kK][eE][nN])[\\w.-]{0,20}["\']?\\s{0,3}(?:=|:=|:|=>|==)\\s{0,3}(["\'`])([^"\'`\\s]{6,128})\\1',
    keywords: ['pass', 'pwd', 'secret', 'api', 'token'],
    secretGroup: 2,
    entropy: 2.5,
    allowlists: [
      {
        regexes: [
          '^(?:[a-z]+|[A-Z][a-z]+|x+|X+|\\*+|\\.+|-+|0+|1234\\w*|changeme\\w*|password\\w*|example\\w*|your[_-]?\\w*|dummy\\w*|test\\w*|placeholder\\w*|redacted\\w*|null|none|true|false)$',
          '^(?:\\$\\{?[\\w.]+\\}?|\\{\\{[^{}]*\\}\\}|<[^<>]*>|%[\\w]+%|\\[REDACTED[\\w]*\\])$',
        ],
        target: 'secret',
      },
      { stopwords: ['fake', 'insert', 'example', 'sample', 'dummy', 'placeholder', 'changeme', 'your_', 'your-', 'here'] },
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
  {
    id: 'discord-bot-token',
    description: 'A Discord bot token: base64 user id, timestamp and HMAC parts (detect-secrets DiscordBotTokenDetector).',
    regex: '(?<![\\w.-])([MNO][a-zA-Z\\d_-]{23,25}\\.[a-zA-Z\\d_-]{6}\\.[a-zA-Z\\d_-]{27,39})(?![\\w.-])',
    keywords: [],
    entropy: 3.5,
  },
  {
    id: 'telegram-bot-token',
    description: 'A Telegram bot token `<bot id>:AA…` (detect-secrets TelegramBotTokenDetector).',
    regex: '(?<![\\w:])(\\d{8,10}:AA[0-9A-Za-z_-]{32,33})(?![\\w-])',
    keywords: [':aa'],
  },
  {
    id: 'mailchimp-api-key',
    description: 'A Mailchimp API key: 32 hex digits and a data-centre suffix (detect-secrets MailchimpDetector).',
    regex: '(?<![\\w-])([0-9a-f]{32}-us\\d{1,2})(?![\\w-])',
    keywords: ['-us'],
    entropy: 3,
  },
  {
    id: 'npm-auth-token',
    description: 'An npm registry `_authToken` in an .npmrc line (detect-secrets NpmDetector).',
    regex: '//[^\\s\'"]{1,200}:_authToken=([^\\s\'"]{8,200})',
    keywords: ['_authtoken'],
    allowlists: [{ regexes: ['^\\$\\{?\\w+\\}?$'], target: 'secret' }],
  },
  {
    id: 'slack-legacy-token',
    description: 'A legacy Slack token `xoxp-` / `xoxa-` / `xoxr-` with numeric parts (detect-secrets SlackDetector).',
    regex: '(?<![\\w-])(xox[pare]-\\d{5,13}-\\d{5,13}-\\d{5,13}(?:-\\d{5,13})?-[0-9a-fA-F]{16,64})(?![\\w-])',
    keywords: ['xoxp', 'xoxa', 'xoxr', 'xoxe'],
  },
  {
    id: 'password-assignment-unquoted',
    description: 'An unquoted value of 6+ characters mixing letters with digits or symbols, assigned to a password-like key (`password: Tr0ub4dor&3`).',
    regex:
      '(?:[pP][aA][sS][sS](?:[wW][oO][rR][dD]|[wW][dD])?|[pP][wW][dD]|[sS][eE][cC][rR][eE][tT]|[aA][pP][iI][_-]?[kK][eE][yY]|[pP][rR][iI][vV][aA][tT][eE][_-]?[kK][eE][yY])[\\w.-]{0,20}\\s{0,3}(?:=|:=|:|=>)[ \\t]{0,3}([^\\s"\'`,;]{6,128})',
    keywords: ['pass', 'pwd', 'secret', 'api', 'private'],
    entropy: 3,
    allowlists: [
      {
        regexes: [
          '^(?:[A-Za-z_.-]+|\\d+|\\$\\{?[\\w.]+\\}?|\\{\\{[^{}]*\\}\\}|<[^<>]*>|%\\w+%|\\[REDACTED\\w*\\]|https?:.*|\\*+|x+)$',
        ],
        target: 'secret',
      },
      { stopwords: ['fake', 'insert', 'example', 'sample', 'dummy', 'placeholder', 'changeme', 'your_', 'your-', 'here'] },
    ],
  },
];
