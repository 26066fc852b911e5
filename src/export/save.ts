/**
 * Saving a table as CSV from the first view: the CSV code loads on the first
 * click, so it is not part of what must run before the first chart.
 */
export function saveCsv(fileName: string, rows: readonly (readonly string[])[]): void {
  void import('./csv').then((m) => m.download(fileName, m.buildCsv(rows)));
}
