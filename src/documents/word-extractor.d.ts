// word-extractor ships no types. Its Word 97–2003 reader is imported on its
// own (src/documents/doc.ts): the package's entry also pulls in a .docx
// reader over yauzl and a file reader over fs, which a browser cannot load.
declare module 'word-extractor/lib/word-ole-extractor.js' {
  interface WordDocument {
    getBody(options?: { readonly filterUnicode?: boolean }): string;
  }
  interface OleStream {
    on(event: string, listener: (...args: unknown[]) => void): unknown;
  }
  interface OleDocument {
    stream(name: string): OleStream;
  }
  export default class WordOleExtractor {
    extract(reader: unknown): Promise<WordDocument>;
    streamBuffer(stream: OleStream): Promise<Uint8Array>;
    extractWordDocument(document: OleDocument, buffer: Uint8Array): Promise<WordDocument>;
  }
}
declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Uint8Array);
    open(): Promise<unknown>;
  }
}
declare module 'word-extractor/lib/ole-allocation-table.js' {
  export default class AllocationTable {
    getSecIdChain(start: number): number[];
  }
}
