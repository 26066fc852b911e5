/** Expected failures are values: parsers return a Result instead of throwing. */
export type Result<T, E = string> = { ok: true; data: T } | { ok: false; reason: E };

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail<E = string>(reason: E): { ok: false; reason: E } {
  return { ok: false, reason };
}

/** A problem found in an input file, with where it is. */
export interface Issue {
  readonly file: string;
  /** 1-based line number where known. */
  readonly line?: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export function formatIssue(issue: Issue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.severity}: ${issue.message}`;
}
