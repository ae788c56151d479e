/** A command-line mistake (unknown option, missing value). The CLI prints it with a pointer to `--help` and exits 2. */
export class UsageError extends Error {
  /** Always `USAGE`. */
  readonly code = 'USAGE';

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
