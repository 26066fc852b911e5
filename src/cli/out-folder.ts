/**
 * The output folder is whole or untouched, and it is the tool's own.
 *
 * Whole or untouched: a run writes into a sibling staging folder
 * (`.<name>.partial-<pid>-…`) and swaps it in at the end with two renames —
 * the previous folder steps aside (`.<name>.previous-<pid>-…`), the new one
 * takes its name, then the previous one is removed. A run that dies before
 * the swap leaves the previous output as it was; the next run removes what
 * the dead one left, and if it died between the two renames, puts the
 * previous folder back first. A publish package is unpacked beside them too
 * (`.<name>.package-<pid>-…`), under the same rules.
 *
 * The tool's own: a run refuses an output folder that is or holds its input,
 * its manifest or its corrections, or one that is not empty and was not
 * written by this tool, or one holding files this tool does not write — a
 * run replaces the whole folder, so it must not hold anything else. Files
 * that appear in it while a run works are checked for again before and after
 * the swap, and kept.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { byCodeUnit, INDEX_FILE, isLayoutPath, type Issue } from '../extract';
import { fail, ok, type Result } from '../extract/result';
import { errorMessage } from './describe';

export interface OutputFolder {
  /** Where the output goes (absolute, links resolved). */
  readonly target: string;
  /** Whether there was an output there before this run. */
  readonly existed: boolean;
  /** Where this run writes it meanwhile: a sibling of the target. */
  readonly staging: string;
  /** What preparing it did to a dead run's leftovers, as warnings. */
  readonly notes: readonly Issue[];
}

/** A path the output folder must not be, nor hold. */
export interface Guarded {
  readonly path: string;
  /** What it is, for the message: "the input folder", "the manifest" … */
  readonly what: string;
}

/**
 * For the crash tests: `EXTRACT_FAILPOINT=<name>` kills the process at that
 * point, as `kill -9` would; `<name>:SIGINT` sends it that signal instead
 * (Ctrl+C), which is handled once the work in hand is done, the process
 * kept alive a moment for it (as a timer or a slow write would).
 */
export function failpoint(name: string): void {
  const [at, signal = 'SIGKILL'] = (process.env['EXTRACT_FAILPOINT'] ?? '').split(':');
  if (at !== name) return;
  process.kill(process.pid, signal);
  setTimeout(() => undefined, 200);
}

/** The real path of `path`, also when it does not exist yet (its nearest existing parent's). */
function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

function within(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a live process of another user.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

type SiblingKind = 'partial' | 'previous' | 'package';
const SIBLING = /^(partial|previous|package)-(\d+)-/;

/** A new folder beside `target` for this run (the umask's mode, as any folder it makes). */
export function makeSibling(target: string, kind: SiblingKind): string {
  const path = siblingName(target, kind);
  mkdirSync(path);
  return path;
}

function siblingName(target: string, kind: SiblingKind): string {
  const name = `.${basename(target)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`;
  return join(dirname(target), name);
}

/** A sibling left by a run: its kind and the process that made it. */
interface Leftover {
  readonly path: string;
  readonly kind: SiblingKind;
  readonly pid: number;
}

function leftoversOf(target: string): Leftover[] {
  const prefix = `.${basename(target)}.`;
  const parent = dirname(target);
  if (!existsSync(parent)) return [];
  const found: Leftover[] = [];
  for (const name of readdirSync(parent).sort()) {
    if (!name.startsWith(prefix)) continue;
    const m = SIBLING.exec(name.slice(prefix.length));
    if (m === null) continue;
    found.push({ path: join(parent, name), kind: m[1] as SiblingKind, pid: Number(m[2]) });
  }
  return found;
}

/**
 * Removes `dir` if it holds only the tool's files; otherwise keeps it and
 * says why. A folder's files found are removed one by one, then its
 * folders, the deepest first (what rmSync does, without looking each entry
 * up again); if that fails (something changed meanwhile), the folder is
 * looked at again and kept if it now holds a file the tool did not write.
 * A link in the folder's place (a leftover made by hand) is removed itself,
 * never what it points to.
 */
function removeOwnFolder(dir: string, notes: Issue[], what: string): void {
  const itself = lstatSync(dir, { throwIfNoEntry: false });
  if (itself === undefined) return;
  const keep = (foreign: string): void => {
    notes.push({
      file: dir,
      severity: 'warning',
      message: `${what} is kept: it holds files this tool did not write (${foreign})`,
    });
  };
  // Through a link, the folder it points to: looked at, never removed.
  const tree = existsSync(dir) && statSync(dir).isDirectory() ? treeBelow(dir) : null;
  const foreign = tree === null ? null : foreignFilesIn(tree.files);
  if (foreign !== null) return keep(foreign);
  try {
    if (tree === null || !itself.isDirectory()) {
      rmSync(dir, { force: true });
      return;
    }
    try {
      for (const file of tree.files) unlinkSync(join(dir, file));
      for (const folder of tree.folders.reverse()) rmdirSync(join(dir, folder));
      rmdirSync(dir);
    } catch {
      const now = existsSync(dir) ? foreignFilesIn(filesBelow(dir)) : null;
      if (now !== null) return keep(now);
      rmSync(dir, { recursive: true, force: true });
    }
  } catch (error) {
    notes.push({
      file: dir,
      severity: 'warning',
      message: `${what} could not be removed (${errorMessage(error)}); remove it by hand`,
    });
  }
}

/** Removes a dead run's leftovers, restoring the previous output if it was left aside. */
function recover(target: string): Result<Issue[]> {
  const leftovers = leftoversOf(target).filter((l) => l.pid !== process.pid);
  const running = leftovers.find((l) => l.kind !== 'previous' && isAlive(l.pid));
  if (running !== undefined) {
    return fail(
      `another extraction (process ${running.pid}) is writing ${target}; wait for it to finish (if none is running, remove ${running.path})`,
    );
  }
  const notes: Issue[] = [];
  for (const leftover of leftovers) {
    if (leftover.kind === 'previous' && !existsSync(target)) {
      renameSync(leftover.path, target);
      notes.push({
        file: target,
        severity: 'warning',
        message: `an earlier run stopped while replacing this folder; its previous content was put back from ${leftover.path}`,
      });
      continue;
    }
    const before = notes.length;
    removeOwnFolder(leftover.path, notes, 'what an earlier run left when it stopped');
    if (notes.length === before) {
      notes.push({
        file: leftover.path,
        severity: 'warning',
        message: 'removed what an earlier run left when it stopped',
      });
    }
  }
  return ok(notes);
}

/** What is below a folder: its files and its folders, relative, with / separators. */
interface Tree {
  /** Links count as files: the tool writes none. */
  readonly files: string[];
  /** Each folder before the folders inside it. */
  readonly folders: string[];
}

/**
 * What is below `dir`. Each entry's kind is the one its folder listing
 * gives, looked up (lstat) only where the listing does not tell: a data
 * folder holds thousands of files (and an older run's, tens of thousands of
 * texts), walked before a run and at its swap.
 */
function treeBelow(dir: string): Tree {
  const tree: Tree = { files: [], folders: [] };
  const walk = (current: string, prefix: string): void => {
    const entries = readdirSync(current, { withFileTypes: true });
    entries.sort((a, b) => byCodeUnit(a.name, b.name));
    for (const entry of entries) {
      const path = join(current, entry.name);
      const relativePath = `${prefix}${entry.name}`;
      const known = entry.isDirectory() || entry.isFile() || entry.isSymbolicLink();
      if (known ? entry.isDirectory() : lstatSync(path).isDirectory()) {
        tree.folders.push(relativePath);
        walk(path, `${relativePath}/`);
      } else tree.files.push(relativePath);
    }
  };
  walk(dir, '');
  return tree;
}

/** Every file below `dir`, relative, with / separators. Links count as files: the tool writes none. */
export function filesBelow(dir: string): string[] {
  return treeBelow(dir).files;
}

function isPreviousOutput(dir: string): boolean {
  try {
    const index: unknown = JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8'));
    return typeof index === 'object' && index !== null && 'format' in index;
  } catch {
    return false;
  }
}

/** A temporary file an earlier version of the tool left while writing one of its files. */
const OLD_TEMPORARY = /\.\d+\.tmp$/;

/**
 * The run's spill of findings (src/cli/spill.ts) in its staging folder: a
 * staging folder left by a killed run holds it.
 */
export const SPILL_FILE = '.findings';
/** What the name of a file's gzip copy adds to the file's (`--gzip`, src/cli/precompress.ts). */
export const GZIP_SUFFIX = '.gz';

/**
 * A file of the data folder's layout, or its gzip copy: a run replaces a
 * `.gz` beside one of its files, hand-made or not, for a server would send
 * it in the file's place.
 */
const isOwnPath = (path: string): boolean =>
  path === SPILL_FILE ||
  isLayoutPath(
    path.endsWith(GZIP_SUFFIX)
      ? path.slice(0, -GZIP_SUFFIX.length)
      : path.replace(OLD_TEMPORARY, ''),
  );

/** Those of a data folder's files that the tool does not write, named; null when there are none. */
function foreignFilesIn(files: readonly string[]): string | null {
  const foreign = files.filter((f) => !isOwnPath(f));
  if (foreign.length === 0) return null;
  const more = foreign.length > 5 ? ` and ${foreign.length - 5} more` : '';
  return `${foreign.slice(0, 5).join(', ')}${more}`;
}

/** Why the existing `target` may not be replaced, or null when it may. */
function ownershipProblem(target: string): string | null {
  if (!statSync(target).isDirectory()) return `${target} is a file, not a folder`;
  const files = filesBelow(target);
  if (files.length === 0) return null;
  if (!isPreviousOutput(target)) {
    return `${target} is not empty and is not a data folder this tool wrote (it has no ${INDEX_FILE}); give --out an empty or new folder`;
  }
  const foreign = foreignFilesIn(files);
  return foreign === null
    ? null
    : `${target} holds files this tool did not write (${foreign}); a run replaces the whole folder, so move them elsewhere or give --out another folder`;
}

/** Why `outDir` cannot be replaced by a rename at all, or null. */
function placeProblem(outDir: string, target: string): string | null {
  const link = lstatSync(outDir, { throwIfNoEntry: false });
  if (link?.isSymbolicLink() === true && !existsSync(outDir)) {
    return `--out ${outDir} is a link to something that does not exist`;
  }
  if (!existsSync(target)) return null;
  if (statSync(target).dev !== statSync(dirname(target)).dev) {
    return `--out ${outDir} is a mount point, which cannot be replaced by a rename; give --out a folder inside it (${join(outDir, 'data')}, say) and serve that`;
  }
  return null;
}

/**
 * Checks the output folder and makes this run's staging folder beside it,
 * before any work: a refused or unwritable folder costs nothing.
 */
export function prepareOutput(outDir: string, guarded: readonly Guarded[]): Result<OutputFolder> {
  const target = realPath(outDir);
  for (const g of guarded) {
    const path = realPath(g.path);
    if (within(target, path)) {
      return fail(
        `--out ${outDir} ${path === target ? 'is' : 'holds'} ${g.what} (${g.path}); a run replaces the whole output folder, so give it a folder of its own`,
      );
    }
    if (within(path, target)) {
      return fail(
        `--out ${outDir} is inside ${g.what} (${g.path}); the next run would read its own output, so give it a folder outside`,
      );
    }
  }
  const parent = dirname(target);
  try {
    const place = placeProblem(outDir, target);
    if (place !== null) return fail(place);
    mkdirSync(parent, { recursive: true });
    const recovered = recover(target);
    if (!recovered.ok) return recovered;
    const existed = existsSync(target);
    if (existed) {
      const problem = ownershipProblem(target);
      if (problem !== null) return fail(problem);
    }
    const staging = makeSibling(target, 'partial');
    // The new folder serves as the old one did (a web server may read it as another user).
    if (existed) chmodSync(staging, statSync(target).mode & 0o7777);
    return ok({ target, existed, staging, notes: recovered.data });
  } catch (error) {
    return fail(
      `cannot write in ${parent}, the folder that holds --out (${errorMessage(error)}): a run writes its output beside the old one and swaps them, so that folder must be writable`,
    );
  }
}

/** What a run that did not swap its output in left where it was. */
export function untouched(folder: OutputFolder): string {
  return folder.existed
    ? `the previous output in ${folder.target} is untouched`
    : `nothing was written to ${folder.target}`;
}

/**
 * Puts the staging folder in the target's place, the previous output aside
 * and then removed (kept, with a warning, if it came to hold files this tool
 * did not write while the run worked). On failure nothing has changed.
 */
export function commitOutput(folder: OutputFolder): Result<Issue[]> {
  const { target, staging } = folder;
  failpoint('before-swap');
  const previous = siblingName(target, 'previous');
  try {
    if (!existsSync(target)) {
      renameSync(staging, target);
      return ok([]);
    }
    const foreign = foreignFilesIn(filesBelow(target));
    if (foreign !== null) {
      return fail(
        `files this tool did not write appeared in ${target} while the run worked (${foreign}); the new output was not put in place: move them out and run again`,
      );
    }
    renameSync(target, previous);
    failpoint('between-renames');
    try {
      renameSync(staging, target);
    } catch (error) {
      renameSync(previous, target);
      throw error;
    }
  } catch (error) {
    return fail(`could not put the new output in place of ${target} (${errorMessage(error)})`);
  }
  failpoint('after-swap');
  const notes: Issue[] = [];
  removeOwnFolder(previous, notes, 'the previous output');
  return ok(notes);
}
