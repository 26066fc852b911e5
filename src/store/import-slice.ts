/**
 * The importer's slice of the store: the reports imported in this browser,
 * their review, and saving both to IndexedDB: a report's text once, when it
 * is imported; the review (places, years, decisions — no texts) once per
 * action, an action that changes many values (accept all) included. The
 * importer's code (mammoth, IndexedDB) is a chunk of its own, loaded when the
 * import view or a saved workspace needs it.
 *
 * May import: src/dataset, src/importer.
 */
import type { StoreApi } from 'zustand';
import type { DatasetModel } from '../dataset/model';
import { placeImport, withPublishedPlace } from '../importer/place';
import type * as Importer from '../importer/run';
import type {
  ImportedReport,
  ImportProblem,
  ReportMetadata,
  ReviewValue,
} from '../importer/workspace';

const importer = (): Promise<typeof Importer> => import('../importer/run');

export interface ImportSlice {
  /** Reports imported in this browser (IndexedDB), with their review. */
  readonly imported: readonly ImportedReport[];
  readonly importProblems: readonly ImportProblem[];
  readonly importProgress: { readonly done: number; readonly total: number } | null;
  /** False until the saved workspace has been read. */
  readonly workspaceLoaded: boolean;
  /** Whether the last save to IndexedDB worked (false: changes last until the tab closes). */
  readonly workspaceSaved: boolean;
  /** A change not yet written to IndexedDB (a reload now could lose it). */
  readonly workspaceSaving: boolean;
  loadWorkspace(): void;
  importFiles(files: readonly File[]): void;
  reviewValue(reportId: string, index: number, change: Partial<ReviewValue>): void;
  /** Accepts every value of the report still pending: one change, one save. */
  acceptPending(reportId: string): void;
  addValue(reportId: string, value: ReviewValue): void;
  /** Changes a report's metadata (a place named as a published town's takes its city and province). */
  editReport(reportId: string, metadata: Partial<ReportMetadata>): void;
  discardReport(reportId: string): void;
  discardImports(): void;
}

/** What the slice reads of the rest of the store: the published data. */
interface WithModel {
  readonly model: DatasetModel | null;
}

type State = ImportSlice & WithModel;
type Set = (partial: Partial<State> | ((state: State) => Partial<State>)) => void;

export function createImportSlice(set: Set, get: () => State): ImportSlice {
  let workspaceLoading = false;
  /** Reports whose text could not be saved (the browser's storage full, say). */
  const unsavedSources = new Set<string>();
  /** A review save is under way (null: none); `reviewChanged`: another must follow it. */
  let reviewSaving: Promise<void> | null = null;
  let reviewChanged = false;
  /** Batches whose texts are being written. */
  let sourcesSaving = 0;

  /**
   * Saves the review to IndexedDB after a change: one save at a time, the
   * latest state wins, and changes made in one go (accept all) are one save.
   */
  const persistReview = (): void => {
    reviewChanged = true;
    if (reviewSaving !== null) return;
    reviewSaving = importer().then(async (m) => {
      while (reviewChanged) {
        reviewChanged = false;
        const { imported } = get();
        const saved = await m.saveReview(imported);
        set({
          workspaceSaved: saved && !imported.some((r) => unsavedSources.has(r.sourceKey)),
          workspaceSaving: reviewChanged || sourcesSaving > 0,
        });
      }
      reviewSaving = null;
    });
  };

  const sourceKeysKept = (): string[] => get().imported.map((r) => r.sourceKey);

  const updateReport = (reportId: string, change: (r: ImportedReport) => ImportedReport): void => {
    set((s) => ({
      imported: s.imported.map((r) => (r.reportId === reportId ? change(r) : r)),
      workspaceSaving: true,
    }));
    persistReview();
  };

  return {
    imported: [],
    importProblems: [],
    importProgress: null,
    workspaceLoaded: false,
    workspaceSaved: true,
    workspaceSaving: false,
    loadWorkspace: () => {
      if (get().workspaceLoaded || workspaceLoading) return;
      workspaceLoading = true;
      void importer().then(async (m) => {
        const saved = await m.loadWorkspace();
        set((s) => ({
          // Anything imported meanwhile comes after what was saved.
          imported: [
            ...saved,
            ...s.imported.filter((r) => !saved.some((x) => x.reportId === r.reportId)),
          ],
          workspaceLoaded: true,
        }));
        // Texts of reports no review holds (a save cut short, a tab closed mid-import).
        void m.forgetSourcesBut(sourceKeysKept);
      });
    },
    importFiles: (files) => {
      if (files.length === 0 || get().importProgress !== null) return;
      set({ importProgress: { done: 0, total: files.length }, importProblems: [] });
      const taken = [
        ...get().imported.map((r) => r.reportId),
        ...(get().model?.reports?.keys() ?? []),
      ];
      void importer().then(async (m) => {
        const batch = await m.runImport(files, taken, (done, total) =>
          set({ importProgress: { done, total } }),
        );
        // Placed as the published data places them: a published report's town
        // and year imported again is that report, not a second town.
        const model = get().model;
        const known = { towns: model?.published.towns ?? [], reports: model?.reports ?? null };
        const placed = batch.reports.map((r) => ({ ...r, metadata: placeImport(r, known) }));
        // A report already imported (the same files dropped again): kept as it is, the copy named.
        const { reports, copies } = m.withoutCopies(get().imported, placed);
        set((s) => ({
          imported: [...s.imported, ...reports],
          importProblems: [...batch.problems, ...copies],
          importProgress: null,
          workspaceSaving: true,
        }));
        // The texts once, then the review that refers to them.
        sourcesSaving++;
        if (!(await m.saveSources(reports))) {
          for (const r of reports) unsavedSources.add(r.sourceKey);
        }
        sourcesSaving--;
        persistReview();
      });
    },
    reviewValue: (reportId, index, change) => {
      updateReport(reportId, (r) => ({
        ...r,
        values: r.values.map((v, i) => (i === index ? { ...v, ...change } : v)),
      }));
    },
    acceptPending: (reportId) => {
      updateReport(reportId, (r) => ({
        ...r,
        values: r.values.map((v) =>
          v.decision === 'pending' ? { ...v, decision: 'accepted' as const } : v,
        ),
      }));
    },
    addValue: (reportId, value) => {
      updateReport(reportId, (r) => ({ ...r, values: [...r.values, value] }));
    },
    editReport: (reportId, metadata) => {
      const towns = get().model?.published.towns ?? [];
      updateReport(reportId, (r) => ({
        ...r,
        metadata: withPublishedPlace({ ...r.metadata, ...metadata }, towns),
      }));
    },
    discardReport: (reportId) => {
      const kept = get().imported.filter((r) => r.reportId !== reportId);
      void importer().then(async (m) => {
        const saved = await m.saveReview(kept);
        set((s) => ({
          imported: s.imported.filter((r) => r.reportId !== reportId),
          workspaceSaved: saved && !kept.some((r) => unsavedSources.has(r.sourceKey)),
        }));
        await m.forgetSourcesBut(sourceKeysKept);
      });
    },
    discardImports: () => {
      // Cleared on screen once cleared on disk: a reload right after must not bring them back.
      void importer().then(async (m) => {
        const saved = await m.saveReview([]);
        set({ imported: [], importProblems: [], workspaceSaved: saved });
        await m.forgetSourcesBut(sourceKeysKept);
      });
    },
  };
}

/**
 * Whenever the imported reports (or the published index) change, the
 * dashboard shows their reviewed values; the code for it comes with the importer.
 */
export function showImportsInModel(store: StoreApi<State>): void {
  store.subscribe((state, previous) => {
    const changed =
      state.imported !== previous.imported || (state.model !== null && previous.model === null);
    if (!changed || state.model === null) return;
    if (state.imported.length === 0 && state.model.local === null) return;
    void importer().then((m) => {
      const { model, imported } = store.getState();
      if (model !== null) store.setState({ model: m.withLocalReports(model, imported) });
    });
  });
}
