import { parseArgs } from 'node:util';
import { errorMessage, fail, ok, type Result } from '../extract/result';
import { TEXTS_PER_PACK } from '../extract/text-packs';

export interface CliOptions {
  readonly inDir: string;
  readonly outDir: string;
  readonly manifest: string | null;
  readonly corrections: string | null;
  /** False when the corrections path is only the default and may be absent. */
  readonly correctionsExplicit: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly stats: string | null;
  /** Worker threads; null = all cores on large runs, one thread on small ones. */
  readonly workers: number | null;
  /** Also write the complete tables (indicators.csv, mentions.csv, unused.csv). */
  readonly tables: boolean;
  /** Also write a gzip copy beside each file (src/cli/precompress.ts). */
  readonly gzip: boolean;
  readonly help: boolean;
  /**
   * Report files are named relative to this folder (default: the working
   * directory). Set for a publish package: its temporary folder, removed after the run.
   */
  readonly displayRoot?: string;
}

/** The exit codes and what each says (the help text lists them). */
const EXIT_CODES = {
  clean: [0, 'every input was read cleanly'],
  inputErrors: [
    1,
    'a report, a file name, a manifest row or a correction had an error (each printed as file:line: error: …); everything else was written',
  ],
  refused: [
    2,
    'a usage error, or an input or output folder refused before any work (the message says why); nothing was written',
  ],
  notWritten: [
    3,
    'the output could not be written (a full disk, say); the previous output is untouched',
  ],
  internal: [
    4,
    'an unexpected error (a bug, or the machine out of memory), printed with its trace; the previous output is untouched',
  ],
} as const satisfies Record<string, readonly [number, string]>;

type ExitName = keyof typeof EXIT_CODES;

export const EXIT = Object.fromEntries(
  Object.entries(EXIT_CODES).map(([name, [code]]) => [name, code]),
) as { readonly [K in ExitName]: (typeof EXIT_CODES)[K][0] };

/** `text` in lines of at most `width` characters, each after `indent`. */
function wrap(text: string, indent: string, width = 80): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

const EXIT_HELP = Object.values(EXIT_CODES)
  .map(([code, meaning]) => `  ${code}${wrap(meaning, '     ').slice(3)}`)
  .join('\n');

export const HELP = `Usage: npm run extract -- [options]

Reads township rule-of-law reports (.txt in UTF-8, GB18030/GBK or UTF-16) and
writes the indicator datasets the dashboard loads.

Options:
  --in DIR            folder of reports, searched recursively (default: data/reports),
                      or a publish package (.zip) from the dashboard's importer (its
                      data/ is read; the run writes its public/data/ again)
  --out DIR           where the datasets go (default: public/data)
  --manifest FILE     metadata overrides (default: DIR/reports.csv when present)
  --corrections FILE  value corrections (default: data/corrections.csv when present)
  --quiet             no progress and no summary, only problems
  --verbose           the per-report table even for large runs
  --stats FILE        write timing, memory and processor figures as JSON (for benchmarks)
  --workers N         worker threads (default: every core for 200 reports or more);
                      the output is the same whatever N is
  --tables            also write the complete tables indicators.csv, mentions.csv
                      and unused.csv (for Excel or scripts; the dashboard does not
                      read them, and every row is in the county files)
  --gzip              also write a gzip copy beside each file that shrinks by a tenth
                      or more (values.csv.gz beside values.csv), for a web server
                      that sends them as they are (nginx: gzip_static on); the next
                      run replaces them
  -h, --help          this text

Writes: reports.csv, corrections.csv, catalog.json, the reports' texts
(${TEXTS_PER_PACK} to a file under texts/), each county's rows under counties/,
each indicator's values per year under indicators/, the first chart under
first-chart/, and index.json.

The output folder is whole or untouched: a run writes beside it
(.<name>.partial-…) and swaps the result in at the end; a run that stops
leaves the previous output as it was. --out must be empty, new, or a folder
this tool wrote, and must not be or hold the input, the manifest or the
corrections: a run replaces the whole folder.

Exit codes:
${EXIT_HELP}`;

export function parseCliArgs(argv: readonly string[]): Result<CliOptions> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        in: { type: 'string' },
        out: { type: 'string' },
        manifest: { type: 'string' },
        corrections: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        stats: { type: 'string' },
        workers: { type: 'string' },
        tables: { type: 'boolean', default: false },
        gzip: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    return fail(errorMessage(error));
  }
  const v = parsed.values;
  let workers: number | null = null;
  if (v.workers !== undefined) {
    workers = Number(v.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      return fail(`--workers takes a whole number from 1 to 64, not "${v.workers}"`);
    }
  }
  const inDir = v.in ?? 'data/reports';
  return ok({
    inDir,
    outDir: v.out ?? 'public/data',
    manifest: v.manifest ?? null,
    corrections: v.corrections ?? null,
    correctionsExplicit: v.corrections !== undefined,
    quiet: v.quiet ?? false,
    verbose: v.verbose ?? false,
    stats: v.stats ?? null,
    workers,
    tables: v.tables ?? false,
    gzip: v.gzip ?? false,
    help: v.help ?? false,
  });
}
