/**
 * The engine under parse.ts: CSV text → rows validated against a schema, a
 * bad row an Issue naming file, line and what is wrong (and skipped), the
 * rest kept; streamed in batches when the caller asks.
 */
import Papa from 'papaparse';
import * as z from 'zod/mini';
import { fileError } from '../extract/result';
import type { Issue } from './model';

export function issueText(error: z.core.$ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')} ${i.message}` : i.message))
    .join('; ');
}

/** A file's rows and the problems of the rows left out (and of the file). */
export interface Parsed<T> {
  readonly rows: T[];
  readonly errors: Issue[];
}

/**
 * The schema of a data file's row, derived from the file's column table
 * (extract/columns.ts): `fields` names every column of the table, with how the
 * dashboard reads it, or null for a column written for people and other tools
 * that the dashboard does not read. Declared with `satisfies
 * Record<Column, …>`, a column added to the table is a compile error here
 * until the reader decides about it.
 */
export function rowSchemaOf<F extends Readonly<Record<string, z.ZodMiniType | null>>>(
  fields: F,
): z.ZodMiniObject<{ [K in keyof F as F[K] extends null ? never : K]: Exclude<F[K], null> }> {
  const shape = Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, z.ZodMiniType] => entry[1] !== null),
  );
  return z.object(shape) as never;
}

/** Rows arrive in batches of about this many when a caller streams them. */
const BATCH_ROWS = 2000;

/**
 * Rows of a CSV file; header problems and row errors come back as Issues.
 * With `onBatch`, validated rows are handed over in batches as PapaParse
 * reads the text chunk by chunk (the worker posts each batch at once), and
 * the returned `rows` stays empty.
 */
export function parseRows<S extends z.ZodMiniObject, T>(
  csv: string,
  file: string,
  schema: S,
  /** Columns a file must have (older files may lack the others). */
  required: readonly (keyof S['shape'] & string)[],
  /** The row made, or what is wrong with it (an Issue at its line), or null: left out, the caller says why. */
  convert: (row: z.output<S>, line: number) => T | string | null,
  onBatch?: (rows: T[]) => void,
): Parsed<T> {
  const errors: Issue[] = [];
  const rows: T[] = [];
  let batch: T[] = [];
  let index = 0;
  let headerChecked = false;
  let stop = false;
  const flush = (): void => {
    if (onBatch !== undefined && batch.length > 0) onBatch(batch);
    batch = [];
  };
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    // A string is parsed synchronously, chunk by chunk (PapaParse's typings
    // only list chunking for files, hence `complete`).
    chunkSize: 1 << 20,
    worker: false,
    complete: () => undefined,
    chunk: (results: Papa.ParseResult<Record<string, string>>, parser: Papa.Parser) => {
      if (!headerChecked) {
        headerChecked = true;
        const fields = results.meta.fields ?? [];
        const absent = required.filter((f) => !fields.includes(f));
        if (absent.length > 0) {
          errors.push(fileError(file, `missing column(s): ${absent.join(', ')}`, 1));
          stop = true;
          parser.abort();
          return;
        }
      }
      const badRows = new Set<number>();
      for (const e of results.errors) {
        // Papa counts rows within the chunk.
        const row = e.row === undefined ? undefined : index + e.row;
        if (row !== undefined) badRows.add(row);
        errors.push(fileError(file, e.message, row === undefined ? undefined : row + 2));
      }
      for (const raw of results.data) {
        const line = index + 2;
        const bad = badRows.has(index);
        index++;
        if (bad) continue;
        const result = z.safeParse(schema, raw);
        if (!result.success) {
          errors.push(fileError(file, issueText(result.error), line));
          continue;
        }
        const converted = convert(result.data, line);
        if (converted === null) continue;
        if (typeof converted === 'string') errors.push(fileError(file, converted, line));
        else if (onBatch === undefined) rows.push(converted);
        else {
          batch.push(converted);
          if (batch.length >= BATCH_ROWS) flush();
        }
      }
    },
  });
  if (!stop) flush();
  return { rows, errors };
}
