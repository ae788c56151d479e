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
    description: 'A quoted value assigned to, or compared with (`==`, `===`, `!=`, `!==`), a password-like key (detect-secrets KeywordDetector).',
    regex:
      '(?:[pP][aA][sS][sS](?:[wW][oO][rR][dD]|[wW][dD])?|[pP][wW][dD]|[sS][eE][cC][rR][eE][tT]|[aA][pP][iI][_-]?[kK][eE][yY]|[aA][uU][tT][hH][_-]?[tT][oO][kK][eE][nN]|[aA][cC][cC][eE][sS][sS][_-]?[tT][oO][kK][eE][nN])[\\w.-]{0,20}["\']?\\s{0,3}(?:={1,3}|!={1,2}|:=|:|=>)\\s{0,3}(["\'`])([^"\'`\\s]{6,128})\\1',
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
    description: 'A quoted base64 or base64url string of 20+ characters with entropy ≥ 4.5 (detect-secrets Base64HighEntropyString).',
    regex: '(["\'`])([A-Za-z0-9+/_-]{20,512}={0,2})\\1',
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
  {
    id: 'password-comparison-reversed',
    description: 'A quoted value compared with a password-like variable, value first (`if ("…" === password)`; detect-secrets KeywordDetector).',
    regex:
      '(["\'`])([^"\'`\\s]{6,128})\\1\\s{0,3}(?:={2,3}|!={1,2})\\s{0,3}[\\w.]{0,20}(?:[pP][aA][sS][sS](?:[wW][oO][rR][dD]|[wW][dD])?|[pP][wW][dD]|[sS][eE][cC][rR][eE][tT]|[aA][pP][iI][_-]?[kK][eE][yY]|[pP][rR][iI][vV][aA][tT][eE][_-]?[kK][eE][yY]|[tT][oO][kK][eE][nN])',
    keywords: ['pass', 'pwd', 'secret', 'api', 'private', 'token'],
    secretGroup: 2,
    entropy: 2.5,
    allowlists: [{ stopwords: ['fake', 'insert', 'example', 'sample', 'dummy', 'placeholder', 'changeme', 'your_', 'your-', 'here'] }],
  },
  {
    id: 'openai-project-key',
    description: 'An OpenAI project, service-account or admin key `sk-proj-…T3BlbkFJ…` (detect-secrets OpenAIDetector).',
    regex: '(?<![\\w-])(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})(?![\\w-])',
    keywords: ['t3blbkfj'],
    entropy: 3.5,
  },
  {
    id: 'gitlab-ci-build-token',
    description: 'A GitLab CI/CD job token `glcbt-` (detect-secrets GitLabTokenDetector).',
    regex: '(?<![\\w-])(glcbt-(?:[0-9a-fA-F]{2}_)?[0-9a-zA-Z_-]{20})(?![\\w-])',
    keywords: ['glcbt-'],
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    description: 'A GitLab pipeline trigger token `glptt-` + 40 characters (detect-secrets GitLabTokenDetector).',
    regex: '(?<![\\w-])(glptt-[0-9a-zA-Z_-]{40})(?![\\w-])',
    keywords: ['glptt-'],
  },
  {
    id: 'pypi-test-upload-token',
    description: 'A test.pypi.org upload token (macaroon `pypi-AgENdGVzdC5weXBpLm9yZw…`; detect-secrets PypiTokenDetector).',
    regex: '(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000})',
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
  },
  {
    id: 'private-key-header',
    description:
      'A PEM private-key header, also when the key body is cut off or not base64 (detect-secrets PrivateKeyDetector); a complete ' +
      'block whose body is a placeholder (`...`, `***`, `xxx`, or one base64 word shorter than 64 characters) is allowed (secretlint privatekey).',
    regex: '(-----BEGIN(?: [A-Z0-9]{1,12}){0,3} PRIVATE KEY(?: BLOCK)?-----)(?:(?:\\s|\\\\n){0,4}([^-]{0,200}?)(?:\\s|\\\\n){0,4}-----END)?',
    keywords: ['private key'],
    secretGroup: 1,
    allowlists: [
      {
        regexes: ['^-----BEGIN[^-]{0,60}-----(?:\\s|\\\\n){0,4}(?:[.*xX…<>\\s]{0,200}|[A-Za-z0-9+/=]{1,63})(?:\\s|\\\\n){0,4}-----END'],
        target: 'match',
      },
    ],
  },
  {
    id: 'docker-personal-access-token',
    description: 'A Docker Hub personal access token `dckr_pat_…` (secretlint docker).',
    regex: '(?<![\\w-])(dckr_pat_[A-Za-z0-9_-]{27,64})(?![\\w-])',
    keywords: ['dckr_pat_'],
    entropy: 3,
  },
  {
    id: 'figma-personal-access-token',
    description: 'A Figma personal access token `figd_…` (secretlint figma).',
    regex: '(?<![\\w-])(figd_[A-Za-z0-9_-]{40,128})(?![\\w-])',
    keywords: ['figd_'],
    entropy: 3.5,
  },
  {
    id: 'tailscale-key',
    description: 'A Tailscale API, auth, OAuth-client, webhook or SCIM key `tskey-<kind>-<id>-<secret>` (secretlint tailscale).',
    regex: '(?<![A-Za-z0-9])(tskey-(?:api|auth|client|webhook|scim)-[A-Za-z0-9]{6,32}-[A-Za-z0-9]{16,64})(?![A-Za-z0-9])',
    keywords: ['tskey-'],
  },
  {
    id: 'vercel-token',
    description: 'A Vercel token with a typed prefix (`vcp_`, `vci_`, `vca_`, `vcr_`, `vck_`) and 40+ characters (secretlint vercel).',
    regex: '(?<![\\w-])(vc[pikar]_[A-Za-z0-9]{40,128})(?![\\w-])',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    entropy: 3.5,
  },
  {
    id: 'shopify-app-secret',
    description: 'A Shopify app secret `shpss_` of 32+ base62 characters (the longer keys since 2023; secretlint shopify).',
    regex: '(?<![\\w-])(shpss_[A-Za-z0-9]{32,64})(?![\\w-])',
    keywords: ['shpss_'],
    entropy: 3.5,
  },
  {
    id: 'github-app-installation-token-jwt',
    description: 'A GitHub App installation token in the JWT-bearing format `ghs_<app id>_<JWT>` (secretlint github).',
    regex: '(?<![\\w-])(ghs_\\d{1,12}_ey[A-Za-z0-9_-]{10,2048}\\.ey[A-Za-z0-9_-]{10,4096}\\.[A-Za-z0-9_-]{10,1024})(?![\\w-])',
    keywords: ['ghs_'],
  },
  {
    id: 'jwt-unsigned',
    description: 'A JSON Web Token whose signature part is empty or missing: base64url JSON header `eyJ…` and payload `eyJ…` (detect-secrets JwtTokenDetector).',
    regex: '(?<![\\w.-])(eyJ[A-Za-z0-9_-]{10,2048}\\.eyJ[A-Za-z0-9_-]{10,8192}\\.?)(?![\\w.-])',
    keywords: ['eyj'],
    entropy: 3,
  },
  {
    id: 'password-assignment-spaced',
    description: 'A quoted pass phrase with spaces assigned to a password-like key (`password = "correct horse battery"`; detect-secrets KeywordDetector).',
    regex:
      '(?:[pP][aA][sS][sS](?:[wW][oO][rR][dD]|[wW][dD]|[pP][hH][rR][aA][sS][eE])?|[pP][wW][dD]|[sS][eE][cC][rR][eE][tT]|[aA][pP][iI][_-]?[kK][eE][yY])[\\w.-]{0,20}["\']?\\s{0,3}(?:=|:=|:|=>)\\s{0,3}(["\'])(?=[^"\'\\r\\n]{1,60} )([^"\'\\s=:][^"\'\\r\\n=]{2,120}[^"\'\\s=:])\\1',
    keywords: ['pass', 'pwd', 'secret', 'api'],
    secretGroup: 2,
    entropy: 3,
    allowlists: [
      {
        regexes: ['^(?:\\$\\{?[\\w.]+\\}?|\\{\\{[^{}]*\\}\\}|<[^<>]*>|%\\w+%|\\[REDACTED\\w*\\])$', '[{}()<>\\[\\]]|\\b(?:enter|type|provide|insert|your)\\b'],
        target: 'secret',
      },
      { stopwords: ['fake', 'example', 'sample', 'dummy', 'placeholder', 'changeme', 'here'] },
    ],
  },
];
