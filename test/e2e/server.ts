/**
 * A static server for the built site, mounted under a sub-path as an intranet
 * server would, that records every request so tests can check nothing leaves
 * the site's folder.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { CSP_HEADER } from '../../src/csp';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticSite {
  readonly url: string;
  readonly requests: string[];
  /** The requests answered with a file's gzip copy (`gzipStatic`). */
  readonly compressed: string[];
  /** The requests that asked for a range of bytes, each with its Range header. */
  readonly ranged: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Send the site's Content-Security-Policy as a header with every response, as a web server should. */
  readonly contentSecurityPolicy?: boolean;
  /**
   * false: text files go out with no charset (text/plain, text/csv), as
   * Python's http.server and many intranet servers send them.
   */
  readonly charset?: boolean;
  /**
   * As nginx's `gzip_static on`: a file with a gzip copy beside it
   * (`values.csv.gz`) goes out as that copy, marked `Content-Encoding: gzip`,
   * to a browser that accepts gzip.
   */
  readonly gzipStatic?: boolean;
  /**
   * false: a Range header is ignored and the whole file sent (200), as
   * Python's http.server does; otherwise a single range is answered with
   * 206 and those bytes of what would be sent (of the gzip copy, if that is
   * sent: as nginx does).
   */
  readonly ranges?: boolean;
}

export async function serveStatic(
  root: string,
  mount = '/intranet/dashboard/',
  options: ServeOptions = {},
): Promise<StaticSite> {
  const policy: Record<string, string> =
    options.contentSecurityPolicy === true ? { 'content-security-policy': CSP_HEADER } : {};
  const requests: string[] = [];
  const compressed: string[] = [];
  const ranged: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    requests.push(path);
    if (!path.startsWith(mount)) {
      res.writeHead(404).end('outside the site');
      return;
    }
    let file = normalize(join(root, path.slice(mount.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const copy = options.gzipStatic === true && accepts && existsSync(`${file}.gz`);
    if (copy) compressed.push(path);
    const body = readFileSync(copy ? `${file}.gz` : file);
    const headers = {
      'content-type': options.charset === false ? type.replace(/; charset=.*$/, '') : type,
      ...(options.gzipStatic === true ? { vary: 'Accept-Encoding' } : {}),
      ...(copy ? { 'content-encoding': 'gzip' } : {}),
      ...policy,
    };
    const range = req.headers.range;
    if (range !== undefined) ranged.push(`${path} ${range}`);
    const asked = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
    if (options.ranges !== false && asked !== null) {
      const from = Number(asked[1]);
      const to = Math.min(Number(asked[2]), body.length - 1);
      if (from > to) {
        res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
        return;
      }
      res.writeHead(206, { ...headers, 'content-range': `bytes ${from}-${to}/${body.length}` });
      res.end(body.subarray(from, to + 1));
      return;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    requests,
    compressed,
    ranged,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
