/**
 * Fetching the published files, with no dependencies, so the entry chunk can
 * start the downloads at once while the parsing code is still on its way.
 */
export type Fetched = { readonly text: string } | { readonly error: string };

export function dataUrl(path: string): string {
  return new URL(`data/${path}`, document.baseURI).toString();
}

/** A file's text, or why it could not be had. Works in a worker too (absolute URLs). */
export async function fetchText(url: string): Promise<Fetched> {
  try {
    // Revalidate every time: replacing the files on the server must show at once.
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return { error: `could not be loaded (HTTP ${response.status})` };
    return { text: await response.text() };
  } catch (error) {
    return {
      error: `could not be loaded (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

export function fetchData(path: string): Promise<Fetched> {
  return fetchText(dataUrl(path));
}

/** The index of the published data, requested as soon as the entry chunk runs. */
export function fetchIndex(): Promise<Fetched> {
  return fetchData('index.json');
}
