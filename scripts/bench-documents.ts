/**
 * `npm run bench:documents [-- --runs K]`
 *
 * Makes the five sample reports in every format the CLI reads (Word files
 * from test/importer's helpers, PDF and .mhtml printed by Debian's Chromium,
 * a GBK portal page) in .bench/documents/<format>/, then prints per format:
 * the first read in a fresh tsx process (it loads the format's library, which
 * a CLI run pays once); the median ms per report to read (readDocument) and
 * to extract (processText) over K rounds after a warm-up round, the formats
 * interleaved in each round so the ratio to .txt is measured under the same
 * noise; and the median wall time of a whole CLI run on each format's
 * folder, start-up included. Figures only: nothing about time is asserted.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENT_FORMATS, readDocument, type DocumentFormat } from '../src/documents';
import { processText } from '../src/extract';
import { launchBrowser } from '../test/e2e/browser';
import { builtCli } from './cli.mjs';
import { docxOf } from '../test/importer/docx';
import { word97 } from '../test/importer/office';
import { pdfOfText, savedMhtml } from '../test/importer/pdf-print';
import { portalHtml, portalPage } from '../test/importer/portal-page';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    // Internal: time one first read of this format in this fresh process, print the ms, exit.
    'first-load': { type: 'string' },
  },
});
const runs = Number(values.runs);
const root = join(process.cwd(), '.bench', 'documents');
const samples = join(process.cwd(), 'data', 'reports');
const folderOf = (format: string): string => join(root, format);
const filesOf = (format: string): string[] =>
  readdirSync(folderOf(format))
    .filter((f) => f !== 'reports.csv')
    .sort()
    .map((f) => join(folderOf(format), f));
const since = (started: number): number => performance.now() - started;
const median = (list: readonly number[] = []): number => {
  const s = [...list].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

if (values['first-load'] !== undefined) {
  const file = filesOf(values['first-load'])[0] ?? '';
  const bytes = new Uint8Array(readFileSync(file));
  const started = performance.now();
  const read = await readDocument(basename(file), bytes);
  console.log(read.ok ? since(started) : NaN);
  process.exit(0);
}

const ids = readdirSync(samples)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => f.slice(0, -'.txt'.length));
for (const format of DOCUMENT_FORMATS) {
  rmSync(folderOf(format), { recursive: true, force: true });
  mkdirSync(folderOf(format), { recursive: true });
  // The samples' manifest too, so a CLI run here is the run on data/reports.
  copyFileSync(join(samples, 'reports.csv'), join(folderOf(format), 'reports.csv'));
}
const browser = await launchBrowser();
for (const id of ids) {
  const text = readFileSync(join(samples, `${id}.txt`), 'utf8');
  const made: Record<DocumentFormat, () => Uint8Array | Promise<Uint8Array>> = {
    txt: () => new Uint8Array(readFileSync(join(samples, `${id}.txt`))),
    docx: () => docxOf(text),
    doc: () => word97(id),
    html: () => portalPage(text, { charset: 'gbk' }),
    mhtml: () => savedMhtml(browser, portalHtml(text)),
    pdf: () => pdfOfText(browser, text),
  };
  // Each format's own extension is its name.
  for (const format of DOCUMENT_FORMATS) {
    writeFileSync(join(folderOf(format), `${id}.${format}`), await made[format]());
  }
}
await browser.close();

const cliEntry = await builtCli();
type PerFormat = Partial<Record<DocumentFormat, number[]>>;
const [firstRead, cliSeconds]: [PerFormat, PerFormat] = [{}, {}];
for (let i = 0; i < runs; i++) {
  for (const format of DOCUMENT_FORMATS) {
    const args = ['--import', 'tsx', 'scripts/bench-documents.ts', '--first-load', format];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    (firstRead[format] ??= []).push(Number(child.stdout.trim() || NaN));
    const out = join(root, `out-${format}`);
    rmSync(out, { recursive: true, force: true });
    const started = performance.now();
    const cli = spawnSync(
      process.execPath,
      [cliEntry, '--quiet', '--in', folderOf(format), '--out', out],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    (cliSeconds[format] ??= []).push(since(started) / 1000);
    if (cli.status !== 0) console.error(`the CLI exited with ${cli.status} on .${format}`);
  }
}

// In-process rounds; round 0 is the warm-up (libraries loaded, code compiled).
const [readMs, extractMs, totalMs]: [PerFormat, PerFormat, PerFormat] = [{}, {}, {}];
const mentions: Partial<Record<DocumentFormat, number>> = {};
const inputs = DOCUMENT_FORMATS.map((format) => ({
  format,
  files: filesOf(format).map((path) => ({ name: basename(path), bytes: readFileSync(path) })),
}));
for (let round = 0; round <= runs; round++) {
  for (const { format, files } of inputs) {
    let [read, extract, found] = [0, 0, 0];
    for (const { name, bytes } of files) {
      const started = performance.now();
      const doc = await readDocument(name, new Uint8Array(bytes));
      read += since(started);
      if (!doc.ok) throw new Error(`${name} was not read: ${JSON.stringify(doc.note)}`);
      const extracting = performance.now();
      const id = name.slice(0, -`.${format}`.length);
      found += processText(id, name, doc.text, doc.format, doc.encoding).mentions.length;
      extract += since(extracting);
    }
    if (round === 0) continue;
    (readMs[format] ??= []).push(read / files.length);
    (extractMs[format] ??= []).push(extract / files.length);
    (totalMs[format] ??= []).push((read + extract) / files.length);
    mentions[format] = found;
  }
}

const kb = (f: DocumentFormat): number =>
  filesOf(f).reduce((sum, path) => sum + readFileSync(path).length, 0) / ids.length / 1024;
const columns: [string, (f: DocumentFormat) => string][] = [
  ['format', (f) => `.${f}`],
  ['KB/file', (f) => kb(f).toFixed(0)],
  ['first read ms', (f) => median(firstRead[f]).toFixed(0)],
  ['read ms', (f) => median(readMs[f]).toFixed(2)],
  ['extract ms', (f) => median(extractMs[f]).toFixed(2)],
  ['total ms', (f) => median(totalMs[f]).toFixed(2)],
  ['× .txt', (f) => (median(totalMs[f]) / median(totalMs.txt)).toFixed(1)],
  ['mentions', (f) => String(mentions[f] ?? 0)],
  [`CLI s (${ids.length} files)`, (f) => median(cliSeconds[f]).toFixed(2)],
  ['CLI s/report', (f) => (median(cliSeconds[f]) / ids.length).toFixed(2)],
];
const rows = [
  columns.map(([h]) => h),
  ...DOCUMENT_FORMATS.map((f) => columns.map(([, c]) => c(f))),
];
const widths = columns.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
console.log(`${ids.length} sample reports; median of ${runs} runs (after one warm-up round):`);
for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  '));
console.log(
  'first read: one readDocument in a fresh tsx process, library load included. CLI: one\n' +
    '`node dist-cli/extract.js --quiet` (the built CLI) on the folder, start-up included.',
);
