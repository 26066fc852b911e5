/** The import view in a fresh browser profile at desktop size, with the page's errors collected. */
import type { Browser, Locator, Page } from 'playwright-core';

export async function openImportView(
  browser: Browser,
  siteUrl: string,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${siteUrl}#/?v=import`);
  await page.getByTestId('import-view').waitFor();
  return { page, errors };
}

/** A review row's figure changed to `value`, as its reviewer does: 修改, the new figure, 保存. */
export async function editFigure(row: Locator, value: string): Promise<void> {
  await row.getByRole('button', { name: '修改' }).click();
  await row.getByTestId('review-edit-value').fill(value);
  await row.getByRole('button', { name: '保存' }).click();
}
