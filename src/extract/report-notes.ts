/**
 * What a report's row says about it — a field not detected, a place the
 * registry cannot settle, few figures found — as notes: a code with its
 * parameters, worded once, in Chinese and English, in the table below.
 *
 * The pipeline records notes (the CLI's run and the browser importer's alike);
 * reports.csv writes them twice: in Chinese in `message`, for the person who
 * opens it in Excel, and as codes in `notes` (JSON), from which the dashboard
 * words them in its language. A data folder written before `notes` existed
 * has English messages: the dashboard shows them as written.
 *
 * No imports: the dashboard's pages read it without the extractor.
 */

export type NoteLang = 'zh' | 'en';

/** The report fields a note can be about (a report's metadata fields), with their names. */
const FIELD_NAMES = {
  town: { zh: '乡镇', en: 'town' },
  county: { zh: '县区', en: 'county' },
  city: { zh: '市', en: 'city' },
  province: { zh: '省', en: 'province' },
  year: { zh: '年度', en: 'year' },
  published: { zh: '签发日期', en: 'published' },
  title: { zh: '标题', en: 'title' },
} as const;
export type NoteField = keyof typeof FIELD_NAMES;
const isNoteField = (f: unknown): f is NoteField =>
  typeof f === 'string' && Object.hasOwn(FIELD_NAMES, f);

type Params<K extends string> = Readonly<Record<K, string>>;

interface Wording<K extends string> {
  /** The parameters each note of this code carries (numbers written as text). */
  readonly params: readonly K[];
  readonly zh: (p: Params<K>) => string;
  readonly en: (p: Params<K>) => string;
}

const wording = <K extends string = never>(
  params: readonly K[],
  zh: (p: Params<K>) => string,
  en: (p: Params<K>) => string,
): Wording<K> => ({ params, zh, en });

/** Where a person gives what detection could not settle (README: 报告的镇名、年份等识别有误). */
const MANIFEST_ZH = '请在 data/reports/reports.csv 中填写';

const NOTES = {
  not_detected: wording(
    [],
    () => '未能识别',
    () => 'not detected',
  ),
  no_town: wording(
    [],
    () => '标题、开头和落款中均未找到镇、乡或街道名称',
    () => 'no 镇/乡/街道 name found in title, opening or signature',
  ),
  no_county: wording(
    [],
    () => '文中未写明',
    () => 'no county or district named',
  ),
  no_city: wording(
    [],
    () => '文中未写明',
    () => 'no city named',
  ),
  no_province: wording(
    [],
    () => '文中未写明',
    () => 'no province named',
  ),
  no_year: wording(
    [],
    () => '标题和开头中未写明',
    () => 'no covered year in the title or opening',
  ),
  no_published: wording(
    [],
    () => '末尾几行中未找到',
    () => 'no signing date in the last lines',
  ),
  no_title: wording(
    [],
    () => '开头没有标题行',
    () => 'no title line at the top',
  ),
  // `detail` is names.ts's English reason, which quotes the character refused.
  not_a_name: wording(
    ['text', 'detail'],
    (p) => `识别出的“${p.text}”不是名称（含名称中不用的字符，或过长），未采用`,
    (p) => p.detail,
  ),
  registry_unconfirmed: wording(
    ['name', 'place'],
    (p) => `行政区划名录中只有一个${p.name}（${p.place}），但文中未写明县、市或省份加以印证`,
    (p) =>
      `the registry has one ${p.name} (${p.place}), but the text names no county, city or province to confirm it`,
  ),
  registry_ambiguous: wording(
    ['name', 'count', 'fit'],
    (p) =>
      `行政区划名录中有 ${p.count} 个地方名为${p.name}，${p.fit === '0' ? '文中未说明是哪一个' : `其中 ${p.fit} 个与文中所写相符`}，${MANIFEST_ZH}`,
    (p) =>
      `${p.name} is the name of ${p.count} places in the registry and ${p.fit === '0' ? 'the text does not say which' : `${p.fit} of them fit what the text names`}: give it in the manifest`,
  ),
  directly_under_city: wording(
    ['name', 'city'],
    (p) => `${p.name}直属于${p.city}，中间没有县级`,
    (p) => `${p.name} lies directly under ${p.city}, with no county between`,
  ),
  other_province: wording(
    ['province', 'town', 'place'],
    (p) => `文中写的是${p.province}，但行政区划名录中唯一的${p.town}位于${p.place}，${MANIFEST_ZH}`,
    (p) =>
      `the text names ${p.province}, but the registry’s one ${p.town} is in ${p.place}: give it in the manifest`,
  ),
  registry_for_detected: wording(
    [],
    () => '名录补全的是识别出的地点，与 reports.csv 所填的地点不同，已清空',
    () => 'the registry’s value was for the place detected, not the manifest’s',
  ),
  no_figures: wording(
    [],
    () => '正文中未找到任何指标数值',
    () => 'no indicator found in the text',
  ),
  few_figures: wording(
    ['found', 'unused'],
    (p) => `只找到 ${p.found} 个指标数值，另有 ${p.unused} 个数字未使用，请核对`,
    (p) =>
      `only ${p.found} figure${p.found === '1' ? '' : 's'} found and ${p.unused} numbers left unused: check the report`,
  ),
  // What a report file that gives no text is (src/documents reads them), and what to do.
  too_large: wording(
    ['size', 'limit'],
    (p) => `文件过大（${p.size}），报告不会超过 ${p.limit}：请确认是否选错了文件`,
    (p) =>
      `the file is ${p.size}, more than any report (at most ${p.limit}): is it the right file?`,
  ),
  not_report_format: wording(
    ['extension', 'accepted'],
    (p) => `不是报告的文件格式（${p.extension}）：请另存为以下格式之一再加入：${p.accepted}`,
    (p) =>
      `${p.extension} is not a report format: save the report as one of ${p.accepted} and add it again`,
  ),
  encrypted: wording(
    ['format'],
    (p) => `${p.format} 文件设有密码（已加密），无法读取：请另存一份不加密的副本`,
    (p) => `the ${p.format} file is password-protected (encrypted): save an unprotected copy`,
  ),
  // `detail` is the reader's own English reason: for the English reader only.
  corrupt: wording(
    ['format', 'detail'],
    (p) => `不是有效的 ${p.format} 文件（已损坏，或是改了扩展名的其他文件）：请重新获取原文件`,
    (p) =>
      `not a valid ${p.format} file (damaged, or another kind of file renamed): get the original again${p.detail === '' ? '' : ` (${p.detail})`}`,
  ),
  no_text_layer: wording(
    ['pages'],
    (p) =>
      `PDF 共 ${p.pages} 页，但没有文字层（扫描件）：请先做文字识别（OCR），或向乡镇索取文字版（.docx、.txt 或文字版 PDF）`,
    (p) =>
      `the PDF has ${p.pages} page${p.pages === '1' ? '' : 's'} but no text layer (a scan): run OCR on it, or ask the town for the text version (.docx, .txt or a text PDF)`,
  ),
  empty_page: wording(
    [],
    () => '网页中没有正文（空白页，或只有导航链接）：请保存报告正文所在的网页',
    () => 'the page has no main text (empty, or links only): save the page the report itself is on',
  ),
  not_a_report: wording(
    [],
    () =>
      '正文中既没有乡镇名称，也没有任何指标数值，不像是法治政府建设报告：请确认是否选错了文件或网页',
    () =>
      'its text names no town and holds no indicator figure: it does not look like a rule-of-law report (the wrong file or page?)',
  ),
  // `report` is the id of the report kept, `file` the name of its file.
  same_report: wording(
    ['report', 'file'],
    (p) =>
      `与报告 ${p.report}（${p.file}）是同一份报告（乡镇、县区、年度和全部数值相同），只计一次，数值取自该报告`,
    (p) =>
      `the same report as ${p.report} (${p.file}: same town, county, year and figures): counted once, from that one`,
  ),
  // Why a text file's bytes are not a report's text (decode.ts).
  empty_file: wording(
    [],
    () => '文件是空的',
    () => 'the file is empty',
  ),
  no_text: wording(
    [],
    () => '文件中没有文字',
    () => 'the file holds no text',
  ),
  // `encoding`: what the bytes were read as.
  no_chinese: wording(
    ['encoding'],
    (p) => `按 ${p.encoding} 读出的文字中没有中文，不像是报告`,
    (p) => `decoded as ${p.encoding} but holds no Chinese text; is it a report?`,
  ),
  binary_file: wording(
    [],
    () => '是二进制文件（含 NUL 字节），不是文本',
    () => 'binary file (NUL bytes), not text',
  ),
  undecodable: wording(
    [],
    () => '无法识别文字编码：不是 UTF-8、UTF-16 或 GB18030 文本',
    () => 'cannot decode: not UTF-8, UTF-16 or GB18030 text',
  ),
  // `encoding`: the one its byte order mark names.
  bad_bom: wording(
    ['encoding'],
    (p) => `以 ${p.encoding} 的字节顺序标记开头，但内容不是 ${p.encoding} 文字`,
    (p) => `starts with a ${p.encoding} BOM but does not decode`,
  ),
  zip_bytes: wording(
    [],
    () => '是 zip 压缩包（.docx？），请先另存为纯文本',
    () => 'this is a zip container (.docx?); save it as plain text first',
  ),
  pdf_bytes: wording(
    [],
    () => '是 PDF 文件，请先提取其中的文字',
    () => 'this is a PDF; extract its text first',
  ),
  // `detail` is the reader's English reason (the CLI's file reading).
  unreadable: wording(
    ['detail'],
    (p) => `无法读取：${p.detail}`,
    (p) => p.detail,
  ),
} as const;

export type NoteCode = keyof typeof NOTES;
type ParamsOf<C extends NoteCode> = (typeof NOTES)[C] extends Wording<infer K> ? Params<K> : never;

/** One note on a report: a code, its parameters, and the fields it is about (if any). */
export type ReportNote = {
  [C in NoteCode]: {
    readonly code: C;
    readonly params: ParamsOf<C>;
    readonly fields?: readonly NoteField[];
  };
}[NoteCode];

/** A note of this code: note('few_figures', { found: '1', unused: '43' }), note('no_town'). */
export function note<C extends NoteCode>(
  code: C,
  ...params: [keyof ParamsOf<C>] extends [never] ? [] : [ParamsOf<C>]
): ReportNote {
  return { code, params: params[0] ?? {} } as ReportNote;
}

/** The note in one language: "签发日期：末尾几行中没有签发日期", "published: no signing date…". */
export function noteText(lang: NoteLang, n: ReportNote): string {
  const words = NOTES[n.code][lang] as (p: Readonly<Record<string, string>>) => string;
  const text = words(n.params);
  if (n.fields === undefined || n.fields.length === 0) return text;
  const names = n.fields.map((f) => FIELD_NAMES[f][lang]).join(lang === 'zh' ? '、' : ', ');
  return `${names}${lang === 'zh' ? '：' : ': '}${text}`;
}

/** The note in English and in Chinese, for the CLI's output: "… · …". */
export const bothLanguages = (n: ReportNote): string =>
  `${noteText('en', n)} · ${noteText('zh', n)}`;

/** A report's notes in one language, as one line. */
export function notesText(lang: NoteLang, notes: readonly ReportNote[]): string {
  return notes.map((n) => noteText(lang, n)).join(lang === 'zh' ? '；' : '; ');
}

/** reports.csv's `notes` cell: '' for none, else JSON, keys in a fixed order. */
export function serializeNotes(notes: readonly ReportNote[]): string {
  if (notes.length === 0) return '';
  return JSON.stringify(
    notes.map((n) => ({
      code: n.code,
      ...(n.fields === undefined || n.fields.length === 0 ? {} : { fields: n.fields }),
      ...(Object.keys(n.params).length === 0 ? {} : { params: n.params }),
    })),
  );
}

/**
 * A `notes` cell read back; null when it is empty or not notes this version
 * knows (a hand edit, a newer extractor): the caller shows `message` instead.
 */
export function tryParseNotes(cell: string): ReportNote[] | null {
  if (cell === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const notes: ReportNote[] = [];
  for (const item of parsed as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { code, fields = [], params = {} } = item as Record<string, unknown>;
    if (typeof code !== 'string' || !Object.hasOwn(NOTES, code)) return null;
    if (!Array.isArray(fields) || !fields.every(isNoteField)) return null;
    if (typeof params !== 'object' || params === null) return null;
    const given = params as Record<string, unknown>;
    const kept: Record<string, string> = {};
    for (const name of NOTES[code as NoteCode].params as readonly string[]) {
      const value = given[name];
      if (typeof value !== 'string') return null;
      kept[name] = value;
    }
    notes.push({
      code,
      params: kept,
      ...(fields.length === 0 ? {} : { fields }),
    } as ReportNote);
  }
  return notes;
}
