/** A printed page's text, read back with pdf.js, for tests that print. */

export interface PdfPage {
  readonly lines: string[];
}

/** The PDF's pages as lines of text (items on one baseline joined). */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    const byY = new Map<number, string>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] ?? 0);
      byY.set(y, (byY.get(y) ?? '') + item.str);
    }
    pages.push({
      // NFKC: the PDF's fonts name some characters by their compatibility forms (⽇ for 日).
      lines: [...byY.entries()].sort((a, b) => b[0] - a[0]).map(([, s]) => s.normalize('NFKC')),
    });
  }
  await document.destroy();
  return pages;
}
