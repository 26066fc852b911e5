/**
 * The site's Content-Security-Policy, defined once. vite.config.ts writes it
 * into the built index.html as a `<meta http-equiv>`; the browser tests'
 * server (test/e2e/server.ts) sends it as a header, as a web server should;
 * the README's nginx line is this text. Read by the build and the tests only:
 * nothing in the app imports it.
 *
 * Each directive allows what the app needs and nothing more:
 * - scripts, styles, fetches, workers: the site's own files only ('self'):
 *   no inline script or style, no eval (zod runs jitless, pdf.js without
 *   eval); React and ECharts set styles through the CSSOM, which a policy
 *   does not restrict;
 * - images: the site's and `data:` (index.html's empty icon, `data:,`);
 * - no plugins, frames, forms, <base>: the app has none, and a payload
 *   that got into the page could not use them either.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  // The parsing and import workers are module scripts of the site (pdf.js
  // runs inside the import worker, not in a worker of its own).
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // Other sites may not frame the dashboard (clickjacking); an intranet
  // portal on the same origin still may. Browsers ignore it in a <meta>.
  'frame-ancestors': ["'self'"],
};

/** Directives a `<meta>` policy cannot carry (browsers ignore them there, with a console error). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function policy(directives: readonly (readonly [string, readonly string[]])[]): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The policy as a response header (nginx: `add_header Content-Security-Policy "…" always;`). */
export const CSP_HEADER = policy(Object.entries(CSP_DIRECTIVES));

/** The policy as index.html carries it: the header's, less what a `<meta>` cannot say. */
export const CSP_META = policy(
  Object.entries(CSP_DIRECTIVES).filter(([name]) => !HEADER_ONLY.has(name)),
);
