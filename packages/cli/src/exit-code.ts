/** Exit codes of the CLI. */
export const ExitCode = {
  /** Valid text, or the command finished. */
  Ok: 0,
  /** `scan` flagged the text. */
  Flagged: 1,
  /** Bad arguments, unreadable input, or an llm-shield error. */
  Error: 2,
  /** `scan`: not checked — a scanner whose model could not run failed closed, and no scanner flagged the text. */
  FailedClosed: 3,
} as const;
