/**
 * The importer's workspace as this browser keeps it (IndexedDB, idb-keyval's
 * store), read and written in the page.
 */
import type { Page } from 'playwright-core';

/** The value under `key`, as JSON ('null' when there is none). */
export async function storedEntry(page: Page, key: string): Promise<string> {
  return page.evaluate(
    (key) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('keyval').objectStore('keyval').get(key);
          get.onsuccess = () => {
            resolve(JSON.stringify(get.result ?? null));
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** The review (each report's place, year and values), as stored. */
export const storedReview = (page: Page): Promise<string> =>
  storedEntry(page, 'rule-of-law-import-review');

/** Stores `value` under `key`, as an earlier version of the site would have. */
export async function storeEntry(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('keyval', 'readwrite');
          transaction.objectStore('keyval').put(value, key);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { key, value },
  );
}
