/**
 * How often the import workspace is written to IndexedDB: a report's text
 * once, when it is imported; the review once per user action, whatever the
 * action changes (accept all on 40 values is one action). IndexedDB is an
 * in-memory map here (idb-keyval mocked), and the worker's extraction a
 * batch made up in the test (the engine is tested in test/importer).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create, type StoreApi } from 'zustand';
import type { DatasetModel } from '../../src/dataset/model';
import type * as Importer from '../../src/importer/run';
import { NO_UNUSED } from '../../src/importer/unused';
import type { ImportedReport } from '../../src/importer/workspace';
import { pendingCases } from '../importer/review';
import { createImportSlice, type ImportSlice } from '../../src/store/import-slice';

const db = vi.hoisted(() => ({
  entries: new Map<IDBValidKey, unknown>(),
  /** Every key written, in order. */
  writes: [] as string[],
}));

vi.mock('idb-keyval', () => ({
  get: (key: IDBValidKey) => Promise.resolve(structuredClone(db.entries.get(key))),
  set: (key: IDBValidKey, value: unknown) => {
    db.writes.push(String(key));
    db.entries.set(key, structuredClone(value));
    return Promise.resolve();
  },
  del: (key: IDBValidKey) => Promise.resolve(void db.entries.delete(key)),
  delMany: (keys: IDBValidKey[]) => Promise.resolve(keys.forEach((k) => db.entries.delete(k))),
  keys: () => Promise.resolve([...db.entries.keys()]),
}));

const VALUES = 40;

function extracted(file: File, i: number): ImportedReport {
  const reportId = file.name.replace(/\.txt$/, '');
  return {
    reportId,
    file: file.name,
    format: 'txt',
    encoding: 'utf-8',
    text: `${i}0件 `.repeat(1000),
    metadata: {
      town: `镇${i}`,
      county: '某县',
      city: '',
      province: '',
      year: 2024,
      published: '',
      title: '',
    },
    values: Array.from({ length: VALUES }, (_, n) => pendingCases(n)),
    unused: NO_UNUSED,
    sourceKey: `${reportId}~key`,
  };
}

// The worker does not run here: the batch it would reply with.
vi.mock('../../src/importer/run', async (original) => ({
  ...(await original<typeof Importer>()),
  runImport: (files: readonly File[]) =>
    Promise.resolve({ reports: files.map(extracted), problems: [] }),
}));

type State = ImportSlice & { readonly model: DatasetModel | null };

const newStore = (): StoreApi<State> =>
  create<State>()((set, get) => ({ model: null, ...createImportSlice(set, get) }));

/** Resolves once the store's state passes `done` (checked on every change). */
function until(store: StoreApi<State>, done: (s: State) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (s: State): void => {
      if (!done(s)) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = store.subscribe(check);
    check(store.getState());
  });
}

/** Everything asked of the workspace written: nothing imported or saved is pending. */
const settled = (store: StoreApi<State>): Promise<void> =>
  until(store, (s) => s.workspaceLoaded && s.importProgress === null && !s.workspaceSaving);

const REVIEW = 'rule-of-law-import-review';
const reviewWrites = (): number => db.writes.filter((k) => k === REVIEW).length;
const sourceWrites = (): string[] => db.writes.filter((k) => k !== REVIEW);

async function importedStore(): Promise<StoreApi<State>> {
  const store = newStore();
  store.getState().loadWorkspace();
  await settled(store);
  const files = ['a.txt', 'b.txt', 'c.txt'].map((name) => new File(['…'], name));
  store.getState().importFiles(files);
  await until(store, (s) => s.imported.length === 3);
  await settled(store);
  return store;
}

beforeEach(() => {
  db.entries.clear();
  db.writes.length = 0;
});

describe('the import workspace in IndexedDB', () => {
  it('writes each imported text once, and the review once for the batch', async () => {
    const store = await importedStore();
    const sources = store.getState().imported.map((r) => r.sourceKey);
    // A text of 5,000 characters is one piece: the piece, then its entry.
    expect(sourceWrites().sort()).toEqual(
      sources.flatMap((key) => [
        `rule-of-law-import-source:${key}`,
        `rule-of-law-import-source:${key}#0`,
      ]),
    );
    expect(reviewWrites()).toBe(1);
    // The review holds no text.
    expect(JSON.stringify(db.entries.get(REVIEW))).not.toContain('0件 0件');
  });

  it('writes the review once for one decision, and once for accept all on 40 values', async () => {
    const store = await importedStore();
    db.writes.length = 0;

    store.getState().reviewValue('a', 3, { decision: 'rejected' });
    await settled(store);
    expect(db.writes).toEqual([REVIEW]);

    db.writes.length = 0;
    store.getState().acceptPending('b');
    await settled(store);
    expect(db.writes).toEqual([REVIEW]);
    const b = store.getState().imported.find((r) => r.reportId === 'b');
    expect(b?.values.filter((v) => v.decision === 'accepted')).toHaveLength(VALUES);

    // Two actions in a row: at most one write each, the last state written.
    db.writes.length = 0;
    store.getState().reviewValue('c', 0, { decision: 'edited', edited: 12 });
    store.getState().editReport('c', { town: '新镇' });
    await settled(store);
    expect(reviewWrites()).toBeGreaterThanOrEqual(1);
    expect(reviewWrites()).toBeLessThanOrEqual(2);
    expect(sourceWrites()).toEqual([]);
    expect(JSON.stringify(db.entries.get(REVIEW))).toContain('新镇');
  });

  it('imports a report dropped again once, keeping its review, and names the copy', async () => {
    const store = await importedStore();
    store.getState().acceptPending('a');
    await settled(store);
    const before = store.getState().imported;
    // The same three files again (the same towns and figures), and one new report.
    const files = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name) => new File(['…'], name));
    store.getState().importFiles(files);
    await until(store, (s) => s.imported.length === 4);
    await settled(store);
    const after = store.getState().imported;
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[3]?.metadata.town).toBe('镇3');
    expect(after[0]?.values.every((v) => v.decision === 'accepted')).toBe(true);
    expect(store.getState().importProblems).toEqual(
      ['a', 'b', 'c'].map((id) => ({
        file: `${id}.txt`,
        note: { code: 'same_report', params: { report: id, file: `${id}.txt` } },
      })),
    );
  });

  it('gives back, after a reload, the workspace as it was left', async () => {
    const store = await importedStore();
    store.getState().acceptPending('a');
    store.getState().reviewValue('b', 1, { decision: 'rejected' });
    await settled(store);

    const reloaded = newStore();
    reloaded.getState().loadWorkspace();
    await settled(reloaded);
    expect(reloaded.getState().imported).toEqual(store.getState().imported);
    // Reading it back writes nothing.
    db.writes.length = 0;
    const again = newStore();
    again.getState().loadWorkspace();
    await settled(again);
    expect(db.writes).toEqual([]);
  });
});
