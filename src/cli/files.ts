import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
  writeSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import type { Issue } from '../extract';
import { errorMessage } from './describe';

/** Writes content produced in pieces; returns the bytes written. */
export function writeChunks(path: string, chunks: Iterable<string>): number {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (const chunk of chunks) bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The buffers' sizes, in bytes. */
export interface AppenderLimits {
  /** A file's first buffer: most split files get a few lines at a time. */
  readonly first: number;
  /** How many bytes of one file are kept before they are appended to it. */
  readonly file: number;
  /** How many bytes of buffers all files together hold, before the fullest are appended. */
  readonly all: number;
}

const LIMITS: AppenderLimits = { first: 1 << 8, file: 1 << 16, all: 1 << 23 };

interface Pending {
  buffer: Buffer;
  used: number;
}

/**
 * Many files written at once, piece by piece (the data folder's tables and
 * their split files): each piece is copied at once into its file's buffer
 * (so the strings die young, and the run's heap does not fill with lines
 * waiting to be written), which is appended to the file when `limits.file`
 * bytes are in it, or when all buffers together pass `limits.all` (the
 * fullest first). The run never holds a whole file nor keeps one open.
 * `close` appends what is left and gives each file's size in bytes.
 */
export class FileAppender {
  private readonly pending = new Map<string, Pending>();
  private readonly sizes = new Map<string, number>();
  private readonly folders = new Set<string>();
  /** Bytes of all buffers held. */
  private held = 0;

  constructor(
    private readonly dir: string,
    private readonly limits: AppenderLimits = LIMITS,
  ) {}

  append(path: string, text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    const entry = this.room(path, text.length * 3);
    entry.used += entry.buffer.write(text, entry.used);
    this.written(path, entry);
  }

  /** `bytes` from `start` to `end`, already encoded, at the end of the file. */
  appendBytes(path: string, bytes: Uint8Array, start: number, end: number): void {
    const entry = this.room(path, end - start);
    entry.buffer.set(bytes.subarray(start, end), entry.used);
    entry.used += end - start;
    this.written(path, entry);
  }

  /** The file's buffer, with room for `most` more bytes. */
  private room(path: string, most: number): Pending {
    let entry = this.pending.get(path);
    if (entry !== undefined && entry.used + most > entry.buffer.length) {
      if (entry.buffer.length < this.limits.file && entry.used + most <= this.limits.file) {
        // Doubled: a county's file with a few lines keeps a small buffer.
        const doubled = Math.max(entry.used + most, entry.buffer.length * 2);
        entry = this.grow(entry, Math.min(doubled, this.limits.file));
      } else {
        this.flush(path);
        entry = undefined;
      }
    }
    if (entry === undefined) {
      const size = Math.max(this.limits.first, most);
      entry = { buffer: Buffer.allocUnsafeSlow(size), used: 0 };
      this.held += size;
      this.pending.set(path, entry);
    }
    return entry;
  }

  private written(path: string, entry: Pending): void {
    if (entry.used >= this.limits.file) this.flush(path);
    if (this.held >= this.limits.all) this.flushFullest();
  }

  private grow(entry: Pending, size: number): Pending {
    const buffer = Buffer.allocUnsafeSlow(size);
    entry.buffer.copy(buffer, 0, 0, entry.used);
    this.held += size - entry.buffer.length;
    entry.buffer = buffer;
    return entry;
  }

  /**
   * The files with the most kept, until half the limit is left: with
   * thousands of files (a county's four each), appending to all of them
   * each time would open each for a few lines.
   */
  private flushFullest(): void {
    const fullest = [...this.pending].sort((a, b) => b[1].used - a[1].used);
    for (const [path] of fullest) {
      if (this.held <= this.limits.all / 2) break;
      this.flush(path);
    }
  }

  private flush(path: string): void {
    const entry = this.pending.get(path);
    if (entry === undefined) return;
    this.pending.delete(path);
    this.held -= entry.buffer.length;
    const full = join(this.dir, path);
    const folder = dirname(full);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    const written = this.sizes.get(path);
    const fd = openSync(full, written === undefined ? 'w' : 'a');
    try {
      let done = 0;
      while (done < entry.used) done += writeSync(fd, entry.buffer, done, entry.used - done);
      this.sizes.set(path, (written ?? 0) + entry.used);
    } finally {
      closeSync(fd);
    }
  }

  /** Appends what is left; the size in bytes of every file written. */
  close(): ReadonlyMap<string, number> {
    for (const path of [...this.pending.keys()]) this.flush(path);
    return this.sizes;
  }
}

export interface ReportFile {
  readonly reportId: string;
  readonly path: string;
  /** Path relative to the input folder, for messages. */
  readonly display: string;
  readonly extension: string;
}

/** Files beside the reports that are not reports: the manifest, notes. */
const IGNORED = new Set(['.csv', '.md', '.json']);

export interface Listing {
  readonly files: readonly ReportFile[];
  /** Entries not read, each with why: hidden files, broken links, loops. */
  readonly issues: readonly Issue[];
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'a link to something that does not exist';
  if (code === 'ELOOP') return 'a link that leads back to itself';
  if (code === 'EACCES' || code === 'EPERM') return 'not readable (permission denied)';
  return errorMessage(error);
}

/**
 * Every file below `dir` that may be a report, sorted by path. Links are
 * followed, each folder once (a link back up is a loop, not followed); what
 * is not read — a hidden name (.DS_Store, ..txt), a broken link, an
 * unreadable folder — is named in `issues`, never skipped without a word.
 */
export interface ListingOptions {
  /** Files are named relative to it (default: the working directory). */
  readonly displayRoot?: string | undefined;
  /** A folder never read (the output folder, reached through a link). */
  readonly skip?: string;
  /** How a hidden name is reported (default: a warning). */
  readonly hidden?: Issue['severity'];
}

export function listReportFiles(dir: string, options: ListingOptions = {}): Listing {
  const displayRoot = options.displayRoot ?? process.cwd();
  const files: ReportFile[] = [];
  const issues: Issue[] = [];
  const display = (path: string): string => relative(displayRoot, path) || path;
  const visited = new Set<string>();
  const notRead = (path: string, severity: Issue['severity'], why: string): void => {
    issues.push({ file: display(path), severity, message: `not read: ${why}` });
  };
  const walk = (current: string): void => {
    const real = realpathSync(current);
    if (real === options.skip) {
      notRead(current, 'warning', 'this is the output folder (reached through a link)');
      return;
    }
    if (visited.has(real)) {
      notRead(current, 'warning', 'this folder is reached twice through links (a loop or a copy)');
      return;
    }
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch (error) {
      notRead(current, 'error', reason(error));
      return;
    }
    for (const entry of entries) {
      const { name } = entry;
      const path = join(current, name);
      if (name.startsWith('.')) {
        notRead(
          path,
          options.hidden ?? 'warning',
          'hidden name (starting with "."); rename it if it is a report, e.g. "..txt" to "report.txt"',
        );
        continue;
      }
      // The folder's listing says what a file or folder is; a link (followed) or another kind is looked up.
      let kind: Stats | Dirent = entry;
      if (!entry.isFile() && !entry.isDirectory()) {
        try {
          kind = statSync(path);
        } catch (error) {
          notRead(path, 'warning', reason(error));
          continue;
        }
      }
      if (kind.isDirectory()) {
        walk(path);
        continue;
      }
      if (!kind.isFile()) {
        notRead(path, 'warning', 'not a regular file (a pipe, a socket or a device)');
        continue;
      }
      const extension = extname(name).toLowerCase();
      if (IGNORED.has(extension)) continue;
      files.push({
        reportId: basename(name, extname(name)),
        path,
        display: display(path),
        extension,
      });
    }
  };
  walk(dir);
  return { files, issues };
}
