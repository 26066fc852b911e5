/**
 * A PDF report's text layer, read with pdf.js: wrapped lines joined, the
 * radical forms some PDF writers use turned back into characters. A scanned
 * PDF has no text layer: it is refused (not OCRed), as is an encrypted one.
 *
 * May import: documents/common.ts; pdf.js (loaded on first use).
 */
import { note } from '../extract/report-notes';
import { errorMessage, PDF, startsWith, type DocumentText } from './common';

export async function readPdf(bytes: Uint8Array, extension: string): Promise<DocumentText> {
  if (!startsWith(bytes, PDF)) {
    return { ok: false, note: note('corrupt', { format: extension, detail: 'not a PDF' }) };
  }
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // pdf.js parses on this thread (already the import worker): loading its
    // worker module here makes it use that instead of starting another.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const document = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      // Marked-content entries (structure, no text) carry no `str`.
      const items: PdfItem[] = [];
      for (const item of content.items) if ('str' in item) items.push(item);
      pages.push(joinLines(items));
    }
    await document.destroy();
    const text = unifyRadicals(pages.join('\n'));
    if (text.replace(/\s/g, '') === '') {
      return { ok: false, note: note('no_text_layer', { pages: String(pages.length) }) };
    }
    return { ok: true, text, format: 'pdf', encoding: '' };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      return { ok: false, note: note('encrypted', { format: extension }) };
    }
    return { ok: false, note: note('corrupt', { format: extension, detail: errorMessage(error) }) };
  }
}

interface PdfItem {
  readonly str?: string;
  readonly hasEOL?: boolean;
  readonly width?: number;
  readonly transform?: readonly number[];
}

/**
 * A page's text items → its text. A PDF only has lines: a line that runs to
 * the right margin was wrapped and goes on in the next one (joined without a
 * break, as Chinese text is); a shorter one ends its paragraph. Phrases such
 * as 调解成功率 / 99.5% stay together for the rules.
 */
export function joinLines(items: readonly PdfItem[]): string {
  const lines: { text: string; right: number }[] = [];
  let text = '';
  let right = 0;
  for (const item of items) {
    if (item.str === undefined) continue;
    text += item.str;
    right = Math.max(right, (item.transform?.[4] ?? 0) + (item.width ?? 0));
    if (item.hasEOL === true) {
      lines.push({ text, right });
      text = '';
      right = 0;
    }
  }
  if (text !== '') lines.push({ text, right });
  const margin = Math.max(0, ...lines.map((l) => l.right));
  return lines.map((l) => `${l.text}${l.right >= margin * 0.94 ? '' : '\n'}`).join('');
}

/**
 * Radical forms some PDF writers (Chromium's printing among them) map CJK
 * glyphs to: 黄 comes out as ⻩ (CJK Radicals Supplement), 一 as ⼀ (Kangxi
 * Radicals). The Kangxi ones have compatibility decompositions (NFKC); the
 * supplement's simplified forms do not, so they are listed here (Unicode's
 * EquivalentUnifiedIdeograph data). Without this, town names and rule words
 * would not match.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2EA0': '民',
  '\u2EA7': '牛',
  '\u2EAB': '罒',
  '\u2EAC': '示',
  '\u2EAD': '礻',
  '\u2EB9': '耂',
  '\u2EBC': '月',
  '\u2EBE': '艹',
  '\u2EC1': '虎',
  '\u2EC3': '覀',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECA': '足',
  '\u2ECB': '车',
  '\u2ECC': '辶',
  '\u2ECD': '辶',
  '\u2ECF': '阝',
  '\u2ED0': '钅',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED6': '阝',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EDF': '飠',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
  '\u2EF3': '龟',
};

export function unifyRadicals(text: string): string {
  return text
    .replace(/[\u2F00-\u2FD5]/g, (c) => c.normalize('NFKC'))
    .replace(/[\u2E80-\u2EFF]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}
