/**
 * Exports: CSV that Excel opens correctly (UTF-8 with BOM) and that cannot
 * run formulas, and a file download. Pure except `download`.
 *
 * May import: nothing outside src/export.
 */

/** A number Excel reads as a number (a negative change such as -17.2% included). */
const PLAIN_NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?%?$|^-?\d+(\.\d+)?%?$/;

/** A cell starting with = + - @ (or a tab/CR) is a formula to Excel: prefix it with '. */
export function neutralizeCell(cell: string): string {
  if (PLAIN_NUMBER.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows to CSV text with a BOM, CRLF line ends (Excel's own) and neutralised cells. */
export function buildCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map((c) => quote(neutralizeCell(c))).join(',')).join('\r\n')}\r\n`;
}

/** Saves what a URL (data: or blob:) holds as a file, through the browser's download. */
export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves content as a file through the browser's download. */
export function download(
  fileName: string,
  content: string | Blob,
  type = 'text/csv;charset=utf-8',
): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
