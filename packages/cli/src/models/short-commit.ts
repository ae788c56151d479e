/** The first 8 hex digits of a commit, or `-`. */
export function shortCommit(commit: string | null | undefined): string {
  return commit ? commit.slice(0, 8) : '-';
}
