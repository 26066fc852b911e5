// The first script to run: a plain script (not bundled), so it runs while the
// app's chunks are still downloading and compiling. It requests the data files
// every load asks for first, which the build writes into its tag
// (data-files, from src/dataset/fetch.ts); the app takes the requests over.
// Nothing else.
const files = document.currentScript?.dataset.files?.split(' ') ?? [];
globalThis.__early = Object.fromEntries(
  files.map((file) => [
    file,
    fetch(new URL(file, document.baseURI).toString(), { cache: 'no-cache' }),
  ]),
);
