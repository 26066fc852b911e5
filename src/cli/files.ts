import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';

/** Write to a temporary file, then rename: readers never see half a file. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** The same for content produced in pieces; returns the bytes written. */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): number {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  let bytes = 0;
  try {
    for (const chunk of chunks) bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return bytes;
}

export interface ReportFile {
  readonly reportId: string;
  readonly path: string;
  /** Path relative to the input folder, for messages. */
  readonly display: string;
  readonly extension: string;
}

const IGNORED = new Set(['.csv', '.md', '.json']);

/** Every file below `dir` that may be a report, sorted by path. */
export function listReportFiles(dir: string, displayRoot = process.cwd()): ReportFile[] {
  const files: ReportFile[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(current, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const extension = extname(name).toLowerCase();
      if (IGNORED.has(extension)) continue;
      files.push({
        reportId: basename(name, extname(name)),
        path,
        display: relative(displayRoot, path) || path,
        extension,
      });
    }
  };
  walk(dir);
  return files;
}

/** Removes files in `dir` that are not in `keep` (stale texts of removed reports). */
export function removeStale(dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!keep.has(name)) rmSync(join(dir, name), { force: true });
  }
}
