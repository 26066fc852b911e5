/**
 * A report as a government portal serves it, for the tests of saved web
 * pages: the portal's header, breadcrumbs, sidebar, "打印本页/关闭窗口" and
 * footer all around the article, numbers in them too, a script and a style;
 * written as UTF-8 or as GBK (declared in a <meta http-equiv>, or not at
 * all, as old portals leave it).
 */

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Words of the portal's chrome that must never reach the report's text. */
export const PORTAL_CHROME = [
  '首页',
  '当前位置',
  '通知公告',
  '打印本页',
  '访问量',
  '津ICP备',
  '浏览次数',
];

export interface PageOptions {
  /** How the page is written (default UTF-8). */
  readonly charset?: 'utf-8' | 'gbk';
  /** Whether the page says its charset (default yes). */
  readonly declared?: boolean;
}

export function portalHtml(text: string, charset = 'utf-8', declared = true): string {
  const [title = '', ...lines] = text.split('\n');
  const meta = declared
    ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`
    : '';
  return (
    `<!DOCTYPE html><html><head>${meta}` +
    `<title>${escapeHtml(title)}_武清区人民政府</title>` +
    '<style>.nav{color:red}</style><script>var visits = 12345; document.write("访问量");</script>' +
    '</head><body><div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a> ' +
    '<a href="/hdjl">互动交流</a></div>' +
    '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>' +
    '<div class="main"><div class="sidebar"><ul><li><a href="/a">通知公告（12）</a></li>' +
    '<li><a href="/b">人事信息（3）</a></li><li><a href="/c">调解工作动态（8）</a></li></ul></div>' +
    `<div class="article"><h1>${escapeHtml(title)}</h1>` +
    '<div class="info">发布时间：2025-01-10 浏览次数：1234</div><div class="content">' +
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
    '</div><div class="tools"><a href="#">打印本页</a> <a href="#">关闭窗口</a></div></div></div>' +
    '<div class="footer">主办：武清区人民政府 电话：022-12345678 津ICP备12345678号</div>' +
    '</body></html>'
  );
}

let gbkTable: Map<string, number[]> | null = null;

/**
 * Markup → GBK bytes (Node decodes GBK but has no encoder): every two-byte
 * code decoded once. A character GBK lacks (a no-break space) is written as
 * a character reference, as a GBK page must.
 */
export function gbkBytes(html: string): Uint8Array {
  if (gbkTable === null) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\uFFFD' && !gbkTable.has(char)) {
          gbkTable.set(char, [lead, trail]);
        }
      }
    }
  }
  const out: number[] = [];
  for (const char of html) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(char);
      if (bytes === undefined) out.push(...new TextEncoder().encode(`&#${code};`));
      else out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** The page's bytes. */
export function portalPage(text: string, options: PageOptions = {}): Uint8Array {
  const charset = options.charset ?? 'utf-8';
  const html = portalHtml(text, charset, options.declared ?? true);
  return charset === 'gbk' ? gbkBytes(html) : new TextEncoder().encode(html);
}
