// The first script to run: a plain script (not bundled), so it runs while the
// app's chunks are still downloading and compiling. It requests the data index
// early; src/dataset/fetch.ts picks the request up. Nothing else.
globalThis.__dataIndex = fetch(new URL('data/index.json', document.baseURI).toString(), {
  cache: 'no-cache',
});
