/**
 * A web page saved from a government portal (.html, .htm): the article's main
 * text, found by Firefox's Reader View library (@mozilla/readability) over a
 * DOM built by linkedom (Node and workers alike), falling back to the largest
 * block of text; the portal's navigation, breadcrumbs, sidebar, footer,
 * scripts and styles are left out. Decoded by the charset the page declares
 * (GB2312 and GBK pages are common), else as a text file is. Blocks become
 * lines, so headings and paragraphs end where the page ends them.
 *
 * The page's markup is only parsed into a detached document and read as text:
 * nothing of it is run, loaded or shown.
 *
 * May import: extract (the decoder), documents/common.ts; linkedom and
 * readability (loaded on first use).
 */
import { decodeText } from '../extract/decode';
import { note } from '../extract/report-notes';
import { errorMessage, type DocumentFormat, type DocumentText } from './common';

/** Elements whose end ends a line of text. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
/** Never text of the page. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG']);

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]*charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

/** The page as text, and the encoding read: the declared one, else the one detected. */
function decodePage(bytes: Uint8Array): { text: string; encoding: string } | null {
  const charset = declaredCharset(bytes);
  if (charset !== null) {
    try {
      // The WHATWG labels: gb2312 and gbk read as GBK, utf-8, big5 …
      const decoder = new TextDecoder(charset);
      return { text: decoder.decode(bytes), encoding: decoder.encoding };
    } catch {
      // A label no decoder knows: read the bytes as a text file is.
    }
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? decoded.data : null;
}

/** A node's text, a line per block, whitespace inside a line folded. */
function blockText(node: Node): string {
  const lines: string[] = [];
  let line = '';
  const end = (): void => {
    const trimmed = line.replace(/\s+/g, ' ').trim();
    if (trimmed !== '') lines.push(trimmed);
    line = '';
  };
  const walk = (current: Node): void => {
    for (const child of Array.from(current.childNodes)) {
      if (child.nodeType === 3) {
        line += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      const block = BLOCKS.has(tag);
      if (block) end();
      walk(child);
      if (block) end();
    }
  };
  walk(node);
  end();
  return lines.join('\n');
}

/** The element holding the most text of its own (paragraphs, not nested boxes): the fallback. */
function largestBlock(document: Document): Node | null {
  let best: Node | null = null;
  let most = 0;
  for (const element of Array.from(document.querySelectorAll('div, td, article, section, main'))) {
    let own = 0;
    for (const child of Array.from(element.childNodes)) {
      const tag = child.nodeType === 1 ? (child as Element).tagName.toUpperCase() : '';
      if (child.nodeType === 3 || tag === 'P' || tag === 'SPAN' || tag === 'FONT') {
        own += (child.textContent ?? '').trim().length;
      }
    }
    if (own > most) {
      most = own;
      best = element;
    }
  }
  return best;
}

/**
 * A page whose main text is shorter than this holds no report (a report runs
 * to thousands of characters): an empty page, a list of links, a notice.
 */
const MIN_PAGE_CHARS = 200;

/** The portal's suffix after the report's own title: "…报告_某某县人民政府", "… - 门户网站". */
const TITLE_SUFFIX = /\s*[_|｜]\s*|\s+[-—–]\s+/;

/** The page's headline: its first h1 (as the page shows it), else its title without the portal's name. */
function headlineOf(document: Document): string {
  const h1 = document.querySelector('h1');
  const text = (h1 === null ? '' : blockText(h1)).trim();
  if (text !== '') return text;
  return (document.querySelector('title')?.textContent ?? '').split(TITLE_SUFFIX)[0]?.trim() ?? '';
}

export async function readHtml(bytes: Uint8Array): Promise<DocumentText> {
  const page = decodePage(bytes);
  if (page === null) {
    return { ok: false, note: note('corrupt', { format: '.html', detail: 'not a text page' }) };
  }
  return readPage(page.text, 'html', page.encoding);
}

/** A page's markup (already decoded) → its article's text. */
export async function readPage(
  html: string,
  format: DocumentFormat,
  encoding: string,
): Promise<DocumentText> {
  try {
    const [{ parseHTML }, { Readability }] = await Promise.all([
      import('linkedom'),
      import('@mozilla/readability'),
    ]);
    const parse = (): Document => parseHTML(html).document as unknown as Document;
    const page = parse();
    // Readability changes the document it reads: the headline is read first.
    const headline = headlineOf(page);
    const article = new Readability<Node>(page, { serializer: (node) => node }).parse();
    // Without an article, the largest block of a fresh copy of the page.
    const fallback = article?.content == null ? largestBlock(parse()) : null;
    const body =
      article?.content != null
        ? blockText(article.content)
        : fallback === null
          ? ''
          : blockText(fallback);
    if (body.replace(/\s/g, '').length < MIN_PAGE_CHARS)
      return { ok: false, note: note('empty_page') };
    // The headline names the town and year: kept as the first line.
    const text = headline !== '' && !body.startsWith(headline) ? `${headline}\n${body}` : body;
    return { ok: true, text, format, encoding };
  } catch (error) {
    return { ok: false, note: note('unreadable', { detail: errorMessage(error) }) };
  }
}
