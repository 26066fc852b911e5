/**
 * The output folder is whole or untouched, and it is the tool's own.
 *
 * Whole or untouched: a run writes into a sibling staging folder
 * (`.<name>.partial-<pid>-…`) and swaps it in at the end with two renames —
 * the previous folder steps aside (`.<name>.previous-<pid>-…`), the new one
 * takes its name, then the previous one is removed. A run that dies before
 * the swap leaves the previous output as it was; the next run removes what
 * the dead one left, and if it died between the two renames, puts the
 * previous folder back first.
 *
 * The tool's own: a run refuses an output folder that is or holds its input,
 * its manifest or its corrections, or one that is not empty and was not
 * written by this tool, or one holding files this tool does not write — a
 * run replaces the whole folder, so it must not hold anything else.
 */
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { INDEX_FILE, isLayoutPath, type Issue } from '../extract';
import { fail, ok, type Result } from '../extract/result';

export interface OutputFolder {
  /** Where the output goes (absolute). */
  readonly target: string;
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
 * point, as a power cut or `kill -9` would.
 */
export function failpoint(name: string): void {
  if (process.env['EXTRACT_FAILPOINT'] === name) process.kill(process.pid, 'SIGKILL');
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

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** A sibling left by a run: its kind and the process that made it. */
interface Leftover {
  readonly path: string;
  readonly kind: 'partial' | 'previous';
  readonly pid: number;
}

function leftoversOf(target: string): Leftover[] {
  const prefix = `.${basename(target)}.`;
  const parent = dirname(target);
  if (!existsSync(parent)) return [];
  const found: Leftover[] = [];
  for (const name of readdirSync(parent).sort()) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(partial|previous)-(\d+)-/.exec(name.slice(prefix.length));
    if (m === null) continue;
    found.push({
      path: join(parent, name),
      kind: m[1] === 'partial' ? 'partial' : 'previous',
      pid: Number(m[2]),
    });
  }
  return found;
}

/** Removes a dead run's leftovers, restoring the previous output if it was left aside. */
function recover(target: string): Result<Issue[]> {
  const leftovers = leftoversOf(target);
  const running = leftovers.find(
    (l) => l.kind === 'partial' && l.pid !== process.pid && isAlive(l.pid),
  );
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
    rmSync(leftover.path, { recursive: true, force: true });
    notes.push({
      file: leftover.path,
      severity: 'warning',
      message: 'removed what an earlier run left when it stopped',
    });
  }
  return ok(notes);
}

/** Every file below `dir`, relative, with / separators. Links count as files: the tool writes none. */
function filesBelow(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (lstatSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files;
}

function isPreviousOutput(dir: string): boolean {
  try {
    const index: unknown = JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8'));
    return typeof index === 'object' && index !== null && 'format' in index;
  } catch {
    return false;
  }
}

/** A file an earlier version of the tool left while writing (`name.<pid>.tmp`). */
const OLD_TEMPORARY = /\.\d+\.tmp$/;

/** Why the existing `target` may not be replaced, or null when it may. */
function ownershipProblem(target: string): string | null {
  if (!statSync(target).isDirectory()) return `${target} is a file, not a folder`;
  const files = filesBelow(target);
  if (files.length === 0) return null;
  if (!isPreviousOutput(target)) {
    return `${target} is not empty and is not a data folder this tool wrote (it has no ${INDEX_FILE}); give --out an empty or new folder`;
  }
  const foreign = files.filter((f) => !isLayoutPath(f) && !OLD_TEMPORARY.test(f));
  if (foreign.length === 0) return null;
  const more = foreign.length > 5 ? ` and ${foreign.length - 5} more` : '';
  return `${target} holds files this tool did not write (${foreign.slice(0, 5).join(', ')}${more}); a run replaces the whole folder, so move them elsewhere or give --out another folder`;
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
  let staging: string;
  let notes: Issue[];
  try {
    mkdirSync(parent, { recursive: true });
    const recovered = recover(target);
    if (!recovered.ok) return recovered;
    notes = recovered.data;
    if (existsSync(target)) {
      const problem = ownershipProblem(target);
      if (problem !== null) return fail(problem);
    }
    staging = mkdtempSync(join(parent, `.${basename(target)}.partial-${process.pid}-`));
  } catch (error) {
    return fail(`cannot write the output folder ${outDir}: ${message(error)}`);
  }
  return ok({ target, staging, notes });
}

/**
 * Puts the staging folder in the target's place. On failure the previous
 * output is back in place and the new one stays in the staging folder.
 */
export function commitOutput(folder: OutputFolder): Result<null> {
  const { target, staging } = folder;
  failpoint('before-swap');
  try {
    if (!existsSync(target)) {
      renameSync(staging, target);
      return ok(null);
    }
    const previous = join(
      dirname(target),
      `.${basename(target)}.previous-${process.pid}-${randomBytes(4).toString('hex')}`,
    );
    renameSync(target, previous);
    failpoint('between-renames');
    try {
      renameSync(staging, target);
    } catch (error) {
      renameSync(previous, target);
      throw error;
    }
    failpoint('after-swap');
    rmSync(previous, { recursive: true, force: true });
    return ok(null);
  } catch (error) {
    return fail(
      `could not put the new output in place of ${target} (${message(error)}); the previous output is untouched, the new one is in ${staging}`,
    );
  }
}

/** Removes the staging folder of a run that will not finish. */
export function abandonOutput(folder: OutputFolder): void {
  rmSync(folder.staging, { recursive: true, force: true });
}
