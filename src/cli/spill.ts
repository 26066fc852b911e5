/**
 * A run's findings on disk while it reads the rest: each report's values
 * resolved alone as their lines or, with the complete tables, its mentions
 * for resolution and its mention and unused-number lines (serialised where
 * the report was read, by the worker), appended to one spill file; the run
 * keeps only each report's summary and where its pieces are. At the end
 * the values are written one town and year at a time, copied from its
 * report's lines or resolved from its reports' mentions (read back, or read
 * off their texts again where only the lines were kept), and, with the
 * complete tables, the lines are copied into them in report order
 * (src/cli/write-data.ts). What stays in memory is a summary per report,
 * about 1 KB.
 */
import { hash } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { IndicatorId } from '../catalog';
// The extractor's own modules, not its index, as process-file.ts: the workers serialise here.
import { inTableOrder, quotedUnused, type QuotedMention } from '../extract/figures';
import { aloneValues, mentionLine, unusedLines, type EncodedAlone } from '../extract/layout';
import { summarize, type ReportOutcome, type ReportSummary } from '../extract/pipeline';

/** The keys of T that may be absent. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** `parts`, the one field of a mention that may be absent (never, and this does not compile, if another may). */
type Parts = [OptionalKeys<QuotedMention>] extends ['parts'] ? 'parts' : never;

/**
 * A mention's fields but `parts` from a row the spill holds: the one
 * definition of their order there (MENTION_FIELDS is read off it). Each
 * mention an array, not an object, halves the bytes a worker serialises and
 * sends and the run writes, reads back and parses; and an object literal
 * gives every mention read back one shape (filling an object field by field
 * took a third longer). Every field is required here: one added to
 * QuotedMention is added here or the CLI does not compile. `parts` comes
 * last, when present.
 */
const fieldsOf = (
  r: readonly unknown[],
): { readonly [K in Exclude<keyof QuotedMention, Parts>]: unknown } => ({
  indicator: r[0],
  value: r[1],
  unit: r[2],
  qualifier: r[3],
  start: r[4],
  end: r[5],
  numStart: r[6],
  numEnd: r[7],
  rule: r[8],
  period: r[9],
  sentenceStart: r[10],
  sentenceEnd: r[11],
  total: r[12],
  quote: r[13],
});

/** The fields in the spill's order, read off fieldsOf: each must take its own cell. */
const MENTION_FIELDS = ((): (keyof QuotedMention)[] => {
  const cells = Array.from({ length: 64 }, (_, i) => i);
  const fields = Object.entries(fieldsOf(cells));
  fields.forEach(([field, cell], i) => {
    if (cell !== i) throw new Error(`spill: ${field} is read from cell ${String(cell)}, not ${i}`);
  });
  return [...fields.map(([field]) => field as keyof QuotedMention), 'parts' satisfies Parts];
})();
const PARTS_AT = MENTION_FIELDS.length - 1;

/** A mention as the spill holds it: MENTION_FIELDS' values, `parts` left out when absent. */
export function mentionFields(m: QuotedMention): unknown[] {
  const row: unknown[] = MENTION_FIELDS.map((field) => m[field]);
  if (m.parts === undefined) row.pop();
  return row;
}

/** The mention mentionFields wrote. */
export function mentionOf(row: readonly unknown[]): QuotedMention {
  const m: Record<string, unknown> = fieldsOf(row);
  if (row.length > PARTS_AT) m['parts'] = row[PARTS_AT];
  return m as unknown as QuotedMention;
}

/** A report's lines in the complete tables, serialised. */
export interface TableLines<T> {
  /**
   * JSON of [indicators, lines]: each mention's indicator and its line in
   * the complete table (mentionLine), in the table's order.
   */
  readonly mentions: T;
  /** JSON of its unused numbers' lines in the complete table, joined. */
  readonly unused: T;
}

/** A report's findings as a worker sends them: its summary and its pieces. */
export interface Packed {
  readonly summary: ReportSummary;
  /**
   * JSON of its mentions in the order found (mentionFields), for resolution,
   * when its values were not resolved alone (`alone` null: with the complete
   * tables, every town and year is resolved at the end). With its values
   * resolved alone, null: most towns and years are written from those, and
   * a report resolved with others after all reads its mentions off its text
   * again (write-data.ts), as the dashboard does.
   */
  readonly mentions: string | null;
  /** Its lines in the complete tables; null when they are not written. */
  readonly tables: TableLines<string> | null;
  /** Its Alone, serialised (aloneOf); null with the complete tables or for a report not read. */
  readonly alone: AloneText | null;
}

/**
 * A report's values resolved as if no other report had its town and year and
 * no correction named it (aloneValues, encoded), and its mentions'
 * indicators (what is counted without the complete tables): what a run
 * writes for it when that is so, without reading its mentions back or
 * resolving them (write-data.ts).
 */
export interface Alone {
  readonly mentions: readonly IndicatorId[];
  readonly values: EncodedAlone;
}

/**
 * An Alone as text: JSON of [mentions, indicators, ends], then the values'
 * pieces one after another; `head`, the JSON's length in bytes. Read back,
 * the pieces are copied as bytes, never decoded.
 */
export interface AloneText {
  readonly text: string;
  readonly head: number;
}

/** A report's figures as 44 characters, whatever their number: SHA-256. */
export const digest = (figures: string): string => hash('sha256', figures, 'base64');

/** A report's lines in the complete tables, serialised. */
function tableLines(outcome: ReportOutcome): TableLines<string> {
  const { reportId } = outcome;
  const ordered = inTableOrder(outcome.mentions);
  return {
    mentions: JSON.stringify([
      ordered.map((m) => m.indicator),
      ordered.map((mention) => mentionLine({ reportId, mention }, true)),
    ]),
    unused: JSON.stringify(
      unusedLines(
        outcome.unused.map((number) => ({ reportId, number: quotedUnused(outcome.text, number) })),
        true,
      ),
    ),
  };
}

/** A report's values resolved alone where it was read (its text at hand for a derived value's quote). */
function aloneOf(outcome: ReportOutcome): AloneText {
  const { reportId, detected: metadata, mentions, text } = outcome;
  const { indicators, pieces } = aloneValues({
    reportId,
    metadata,
    mentions,
    quote: (start, end) => text.slice(start, end),
  });
  let end = 0;
  const ends = pieces.map((piece) => (end += Buffer.byteLength(piece)));
  const head = JSON.stringify([mentions.map((m) => m.indicator), indicators, ends]);
  return { text: head + pieces.join(''), head: Buffer.byteLength(head) };
}

/**
 * A report's findings serialised; `tables`: the complete tables' lines too,
 * else its values resolved alone (the complete tables' lines of values hold
 * the place, which is only settled once every report is read).
 */
export function pack(outcome: ReportOutcome, tables: boolean): Packed {
  const alone = tables || outcome.status !== 'ok' ? null : aloneOf(outcome);
  return {
    summary: summarize(outcome, digest),
    mentions: alone === null ? JSON.stringify(outcome.mentions.map(mentionFields)) : null,
    tables: tables ? tableLines(outcome) : null,
    alone,
  };
}

/** A piece of the spill file: its byte offset and length. */
export interface Piece {
  readonly at: number;
  readonly bytes: number;
}

/** What the run keeps of a report while reading the rest. */
export interface Spilled {
  readonly summary: ReportSummary;
  readonly mentions: Piece | null;
  readonly tables: TableLines<Piece> | null;
  /** Its AloneText: the piece, and its head's length. */
  readonly alone: { readonly piece: Piece; readonly head: number } | null;
}

/** Bytes gathered before one write. */
const WRITE_EVERY = 1 << 20;

/** The most bytes a string of UTF-16 code units takes in UTF-8: three per unit. */
const MAX_UTF8_PER_UNIT = 3;

export class Spill {
  private readonly fd: number;
  private size = 0;
  /** The pieces not yet written, encoded one after another from its start. */
  private readonly pending: Buffer;
  private pendingBytes = 0;
  private scratch = Buffer.alloc(1 << 16);

  /** `writeEvery`: the bytes gathered before one write (tests make it small). */
  constructor(
    private readonly path: string,
    writeEvery = WRITE_EVERY,
  ) {
    this.fd = openSync(path, 'w+');
    this.pending = Buffer.allocUnsafe(writeEvery);
  }

  /** Keeps a report's pieces; the summary stays in memory. */
  add({ summary, mentions, tables, alone }: Packed): Spilled {
    return {
      summary,
      mentions: mentions === null ? null : this.append(mentions),
      tables:
        tables === null
          ? null
          : { mentions: this.append(tables.mentions), unused: this.append(tables.unused) },
      alone: alone === null ? null : { piece: this.append(alone.text), head: alone.head },
    };
  }

  /** Encoded into the pending bytes (no buffer of its own): the rare piece too large for them is written at once. */
  private append(text: string): Piece {
    if (this.pendingBytes + text.length * MAX_UTF8_PER_UNIT > this.pending.length) this.flush();
    let bytes: number;
    if (text.length * MAX_UTF8_PER_UNIT <= this.pending.length) {
      bytes = this.pending.write(text, this.pendingBytes);
      this.pendingBytes += bytes;
    } else {
      const encoded = Buffer.from(text, 'utf8');
      this.writeAll(encoded, encoded.length);
      bytes = encoded.length;
    }
    const piece = { at: this.size, bytes };
    this.size += bytes;
    return piece;
  }

  private flush(): void {
    this.writeAll(this.pending, this.pendingBytes);
    this.pendingBytes = 0;
  }

  private writeAll(bytes: Buffer, length: number): void {
    let written = 0;
    while (written < length) written += writeSync(this.fd, bytes, written, length - written);
  }

  /** A piece as text: after the last add. */
  read(piece: Piece): string {
    return piece.bytes === 0 ? '' : this.readBytes(piece).toString('utf8');
  }

  /** A piece's bytes: after the last add; valid until the next read. */
  private readBytes(piece: Piece): Buffer {
    this.flush();
    if (this.scratch.length < piece.bytes) this.scratch = Buffer.alloc(piece.bytes * 2);
    let read = 0;
    while (read < piece.bytes) {
      const n = readSync(this.fd, this.scratch, read, piece.bytes - read, piece.at + read);
      if (n === 0) throw new Error(`${this.path}: ended before byte ${piece.at + piece.bytes}`);
      read += n;
    }
    return this.scratch.subarray(0, piece.bytes);
  }

  /** The report's mentions, if they were kept (Packed.mentions). */
  mentions(spilled: Spilled): QuotedMention[] | null {
    if (spilled.mentions === null) return null;
    const text = this.read(spilled.mentions);
    return text === '' ? [] : (JSON.parse(text) as unknown[][]).map(mentionOf);
  }

  /** The report's values resolved alone, if they were: their bytes valid until the next read. */
  alone(spilled: Spilled): Alone | null {
    if (spilled.alone === null) return null;
    const { piece, head } = spilled.alone;
    const bytes = this.readBytes(piece);
    const [mentions, indicators, ends] = JSON.parse(bytes.toString('utf8', 0, head)) as [
      IndicatorId[],
      IndicatorId[],
      number[],
    ];
    return { mentions, values: { indicators, bytes: bytes.subarray(head), ends } };
  }

  /** The report's lines in the complete tables: each mention's indicator and line, the unused numbers' lines. */
  tableLines(pieces: TableLines<Piece>): {
    mentions: { indicator: IndicatorId; line: string }[];
    unused: string;
  } {
    const [indicators, lines] = JSON.parse(this.read(pieces.mentions)) as [IndicatorId[], string[]];
    return {
      mentions: indicators.map((indicator, i) => ({ indicator, line: lines[i] as string })),
      unused: JSON.parse(this.read(pieces.unused)) as string,
    };
  }

  /**
   * Closes and deletes the file, as well as it can: called on the way out of
   * a failed run too, where the first error is the one to report (the
   * staging folder holding the file is removed in any case).
   */
  remove(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Closed already, or the disk failed: the folder goes anyway.
    }
    rmSync(this.path, { force: true });
  }
}
