/** An allowlist of a rule (gitleaks semantics, path conditions dropped). */
export interface SecretAllowlistData {
  /** Regex sources; a hit on the `target` text allows the finding. */
  regexes?: string[];
  /** What `regexes` test: the secret (default), the whole match or the line. */
  target?: 'secret' | 'match' | 'line';
  /** Lower-case words: a secret containing one is allowed. */
  stopwords?: string[];
}

/** One secret rule as data (generated from gitleaks, or written here). */
export interface SecretRuleData {
  /** Rule id, e.g. `github-pat`; also the finding's rule. */
  id: string;
  /** What the rule finds. */
  description: string;
  /** JavaScript regex source (no flags; case-insensitivity is spelled out). */
  regex: string;
  /** Lower-case keywords: the rule runs only when the text contains one (empty: always runs). */
  keywords: string[];
  /**
   * gitleaks' leading `[\w.-]{0,50}?` was dropped from `regex` (it only moved the match start, and costs 50× in a
   * backtracking engine): the match is re-extended left over up to this many `[\w.-]` characters for `match` allowlists.
   */
  contextPrefix?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  /** Capture group holding the secret (default: the first non-empty group, else the whole match). */
  secretGroup?: number;
  /** Allowlists; any one that matches drops the finding. */
  allowlists?: SecretAllowlistData[];
}
