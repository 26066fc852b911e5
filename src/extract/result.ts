/** Expected failures are values: parsers return a Result instead of throwing. */
export type Result<T, E = string> = { ok: true; data: T } | { ok: false; reason: E };

/** An error's message, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail<E = string>(reason: E): { ok: false; reason: E } {
  return { ok: false, reason };
}

/**
 * A problem found in an input file, with where it is: the one problem type
 * from the extractor (the CLI prints it) to the dashboard (its data problems
 * panel lists it).
 */
export interface Issue {
  readonly file: string;
  /** 1-based line number where known; absent for whole-file problems. */
  readonly line?: number;
  readonly severity: 'error' | 'warning';
  /** In English: what the CLI prints, and the dashboard shows when `wording` is absent. */
  readonly message: string;
  /** The message as a UI string of src/i18n and its parameters, for a page that words it in its language. */
  readonly wording?: {
    readonly key: string;
    readonly params?: Readonly<Record<string, string | number>>;
  };
}

/** An error in `file` (at `line` when known). */
export function fileError(file: string, message: string, line?: number): Issue {
  return line === undefined
    ? { file, severity: 'error', message }
    : { file, line, severity: 'error', message };
}

export function formatIssue(issue: Issue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.severity}: ${issue.message}`;
}
