/**
 * Data files are UTF-8 whatever the server says: a Content-Type with another
 * charset (or none) must not change the text the app reads.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchText, readUtf8 } from '../../src/dataset/fetch';

const TEXT = '全年共调解矛盾纠纷208件，调解成功率99.5%。';
const bytes = () => new TextEncoder().encode(TEXT);

describe('readUtf8', () => {
  it.each([
    'text/plain; charset=iso-8859-1',
    'text/plain; charset=gbk',
    'text/plain',
    'text/csv',
    'application/octet-stream',
  ])('reads UTF-8 bytes served as %s', async (type) => {
    const response = new Response(bytes(), { headers: { 'content-type': type } });
    expect(await readUtf8(response)).toBe(TEXT);
  });

  it('drops a byte order mark, as the CSV parser expects', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes()]);
    expect(await readUtf8(new Response(withBom))).toBe(TEXT);
  });
});

describe('fetchText', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the UTF-8 text of a file served with a wrong charset', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(bytes(), { headers: { 'content-type': 'text/plain; charset=latin1' } }),
      ),
    );
    expect(await fetchText('http://site/data/texts/r1.txt', 'data/texts/r1.txt')).toEqual({
      ok: true,
      data: TEXT,
    });
  });

  it('names the HTTP status of a file that cannot be had', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    expect(await fetchText('http://site/data/texts/r1.txt', 'data/texts/r1.txt')).toEqual({
      ok: false,
      reason: {
        file: 'data/texts/r1.txt',
        severity: 'error',
        message: 'could not be loaded (HTTP 404)',
      },
    });
  });
});
