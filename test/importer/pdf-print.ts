/**
 * Files as Chromium makes them: PDF reports as towns send them, printed from
 * a report's text, one paragraph per line (a text PDF), or a grey box with no
 * text at all (what a scan is to a reader); and a web page saved as one
 * .mhtml file ("网页，单个文件").
 */
import type { Browser } from 'playwright-core';

export async function printedPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  return new Uint8Array(pdf);
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A text PDF of a report: each line of the text a paragraph. */
export function pdfOfText(browser: Browser, text: string): Promise<Uint8Array> {
  const html = text
    .split('\n')
    .map((line) => `<p style="margin:0">${escape(line)}</p>`)
    .join('');
  return printedPdf(browser, html);
}

/** A PDF with no text layer, as a scan is. */
export function scannedPdf(browser: Browser): Promise<Uint8Array> {
  return printedPdf(browser, '<div style="width:400px;height:300px;background:#888"></div>');
}

/** The page saved as one .mhtml file, as Chromium's "Save as… Webpage, Single File" writes it. */
export async function savedMhtml(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  await page.setContent(html);
  const session = await page.context().newCDPSession(page);
  const { data } = (await session.send('Page.captureSnapshot', { format: 'mhtml' })) as {
    data: string;
  };
  await page.close();
  return new TextEncoder().encode(data);
}
