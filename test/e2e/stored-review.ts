/** The importer's review as this browser keeps it (IndexedDB, idb-keyval's store), read in the page. */
import type { Page } from 'playwright-core';

export async function storedReview(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result
            .transaction('keyval')
            .objectStore('keyval')
            .get('rule-of-law-import-review');
          get.onsuccess = () => {
            resolve(JSON.stringify(get.result ?? null));
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}
