/**
 * Fetches the published datasets from `data/` next to index.html, at run
 * time: replacing the files in the built folder updates the dashboard without
 * a rebuild. Report texts and mentions are fetched only when a source panel
 * needs them, and cached.
 */
import { fetchData, fetchInitialData, type Fetched } from './fetch';
import { buildModel, type DatasetModel, type LoadError, type MentionRow } from './model';
import { parseMentions, parseReports, parseValues } from './parse';

export interface LoadedDataset {
  readonly model: DatasetModel | null;
  readonly errors: readonly LoadError[];
}

/** Parses and indexes the initial files (fetched by `fetchInitialData`). */
export async function loadDataset(
  fetched: Promise<readonly [Fetched, Fetched]> = fetchInitialData(),
): Promise<LoadedDataset> {
  const [values, reports] = await fetched;
  const errors: LoadError[] = [];
  if ('error' in values) {
    errors.push({ file: 'data/indicators.csv', message: values.error });
    return { model: null, errors };
  }
  const parsedValues = parseValues(values.text, 'data/indicators.csv');
  errors.push(...parsedValues.errors);
  let reportRows: ReturnType<typeof parseReports>['rows'] = [];
  if ('error' in reports) {
    errors.push({ file: 'data/reports.csv', message: reports.error });
  } else {
    const parsedReports = parseReports(reports.text, 'data/reports.csv');
    errors.push(...parsedReports.errors);
    reportRows = parsedReports.rows;
  }
  return { model: buildModel(parsedValues.rows, reportRows), errors };
}

let mentionsPromise: Promise<{ byReport: Map<string, MentionRow[]>; errors: LoadError[] }> | null =
  null;

/** All mentions, grouped by report, loaded once on first use. */
export function loadMentions(): Promise<{
  byReport: Map<string, MentionRow[]>;
  errors: LoadError[];
}> {
  mentionsPromise ??= fetchData('mentions.csv').then((result) => {
    const byReport = new Map<string, MentionRow[]>();
    if ('error' in result) {
      return { byReport, errors: [{ file: 'data/mentions.csv', message: result.error }] };
    }
    const parsed = parseMentions(result.text, 'data/mentions.csv');
    for (const m of parsed.rows) {
      const list = byReport.get(m.reportId) ?? [];
      list.push(m);
      byReport.set(m.reportId, list);
    }
    return { byReport, errors: parsed.errors };
  });
  return mentionsPromise;
}

const texts = new Map<string, Promise<string | null>>();

/** The report text the offsets index into; null when it cannot be loaded. */
export function loadReportText(reportId: string): Promise<string | null> {
  let promise = texts.get(reportId);
  if (promise === undefined) {
    promise = fetchData(`texts/${encodeURIComponent(reportId)}.txt`).then((r) =>
      'text' in r ? r.text : null,
    );
    texts.set(reportId, promise);
  }
  return promise;
}
