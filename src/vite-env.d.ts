/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in the demo build (npm run demo): every page says its data is synthetic. */
  readonly VITE_DEMO?: string;
}
