/**
 * UI strings in Chinese (default) and English, and number formatting.
 * Indicator and category names come from the catalog.
 *
 * May import: src/catalog.
 */
import {
  CATEGORIES,
  INDICATORS,
  RESOLUTION_RULES,
  type CategoryId,
  type IndicatorId,
  type Qualifier,
  type ResolutionRule,
} from '../catalog';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const zh = {
  appTitle: '乡镇法治政府建设指标对比',
  appSubtitle: '数据来自各乡镇法治政府建设情况报告，每个数字可追溯到原文句子',
  switchLang: 'English',
  year: '年度',
  towns: '乡镇',
  allTowns: '全部乡镇',
  townsSelected: '已选 {n} 个乡镇',
  category: '类别',
  indicator: '指标',
  loading: '正在加载数据…',
  loadErrors: '数据加载问题',
  loadErrorsHint: '以下行未能读取，已跳过；其余数据正常显示。',
  loadFailed: '数据无法加载',
  loadFailedHint: '{file} 未能读取，因此没有任何数据可以显示。请检查该文件，或重新运行数据提取。',
  noData: '暂无数据',
  overview: '总览',
  ranking: '排名',
  trends: '年度趋势',
  multiples: '同类指标',
  reportingTowns: '{n}/{total} 份报告提及',
  cardNoReport: '{n} 个乡镇无本年度报告',
  cardAllReports: '各乡镇均有本年度报告',
  noneReporting: '所选乡镇均无本年度报告',
  changeFromPrevious: '较上年',
  noPreviousYear: '上年无可比数据',
  sumOf: '合计',
  medianOf: '中位数',
  noReport: '无本年度报告',
  notMentioned: '报告未提及',
  statusReported: '已报告',
  noReportList: '无 {year} 年度报告的乡镇',
  notMentionedList: '{year} 年度报告未提及该指标的乡镇',
  allReported: '所选乡镇均已报告',
  noValuesThisYear: '{year}年所选乡镇均未报告此指标。',
  fewToRank: '仅 {n} 个乡镇报告此数值：不足 {min} 个，不排名次、不计百分位。',
  trendSingleYear: '每个乡镇目前只有一个年度的报告，尚不能连成趋势线；各点仍可点击查看原文。',
  statedChange: '报告所述同比',
  source: '原文出处',
  close: '关闭',
  previous: '上一处',
  next: '下一处',
  mentionOf: '第 {i} 处 / 共 {n} 处',
  loadingText: '正在加载报告原文…',
  textMissing: '报告原文无法加载。',
  derivedExplain: '报告未直接给出此比率，由同一句中的两个数字计算得出',
  summedExplain: '报告分项列出此数，此处为各项之和',
  correctedExplain: '此数值已由评估人员更正：',
  deletedExplain: '此数值已由评估人员删除：',
  addedExplain: '此数值由评估人员补充：',
  alternativesExplain: '报告中还出现了其他数值：{values}（按既定规则选取当前值）',
  alternativesChosen: '报告中还出现了其他数值：{groups}',
  alternativesRule: '{values}（选取规则：{rule}）',
  alternativesCorrected: '报告中还出现了其他数值：{values}',
  aboutIndicator: '指标说明：{name}',
  definitionHead: '定义',
  unitHead: '单位',
  unitsWritten: '（报告中写作{units}的均计入）',
  countingHead: '口径',
  qualifierAtLeast: '不少于此数（报告写作“余”“多”“以上”等）',
  qualifierAbout: '约数（报告写作“约”“近”“左右”等）',
  qualifierBelow: '不足此数（报告写作“不足”“不到”）',
  tooltipReport: '报告：{report}（{year}年度）',
  periodExplain: '统计期限：{period}',
  value: '数值',
  town: '乡镇',
  rank: '名次',
  table: '数据表',
  clickHint: '点击柱形、数据点或表格单元格查看原文句子',
  published: '发布日期',
  reportTitleFallback: '{town}{year}年度法治政府建设情况报告',
  noTownsSelected: '未选择任何乡镇',
  selectAll: '全选',
  selectNone: '清空',
  loadingShort: '加载中',
  townSearch: '搜索乡镇、县区',
  townMatches: '匹配 {n} 个',
  selectOnlyMatches: '只选这些',
  addMatches: '加入已选',
  noTownMatch: '没有匹配的乡镇',
  fold: '收起',
  unfold: '展开',
  print: '打印',
  compare: '对比矩阵',
  townProfile: '乡镇档案',
  sideBySide: '并列对比',
  trendTop:
    '图中为最近年度数值最高的 {n} 个乡镇（共 {total} 个报告此指标）；要比较某个县区或指定乡镇，请在上方“乡镇”中搜索选择。',
  trendAllShown: '图中为全部 {total} 个报告此指标的乡镇。',
  showAllTowns: '显示全部',
  showTopTowns: '只看前 {n} 个',
  rankingWindow: '共 {total} 个乡镇，图中一次显示 {n} 个：拖动右侧滑块或滚动鼠标查看其余。',
  indicatorFailed: '该指标的数据文件无法加载，详见上方“数据加载问题”。',
  moreTowns: '另有 {n} 个乡镇',
  reportsFailed: '报告清单（reports.csv）无法加载，详见上方“数据加载问题”。',
  pickTowns: '选择 2–4 个乡镇',
  pickTwo: '请至少选择两个乡镇进行对比',
  sideHint: '每个指标按自身单位与刻度比较（比率为 0–100%）；缺失的数值不画柱。下表为原始数值。',
  sidePercentileHint:
    '柱高为各乡镇在所选乡镇中的百分位（同一指标内、至少 {min} 个乡镇报告时才计算）。',
  sideMode: '比较方式',
  sideValues: '原始数值',
  sidePercentiles: '百分位',
  quality: '数据质量',
  latestYear: '各乡镇最近年度',
  useLatestYear: '按各乡镇最近一次报告',
  autoLatest: '部分乡镇没有 {year} 年度报告，已按各乡镇最近一次报告对比；取消勾选只看 {year} 年。',
  exportCsv: '导出 CSV',
  chineseHeaders: '中文表头',
  yearUnused: '此视图不按年度筛选（各年度或各乡镇最近一次报告）',
  captionTitle: '{title}（单位：{unit}）',
  captionCounts: '{n} 个乡镇报告此数值 · {silent} 个报告未提及 · {none} 个无本年度报告',
  captionTowns: '图中 {n} 个乡镇',
  captionSource: '来源：各乡镇法治政府建设情况报告；每个数值均可在看板中追溯到原文句子',
  exportPng: '导出 PNG',
  exportSvg: '导出 SVG',
  heatmapHint:
    '颜色深浅表示该乡镇在同一指标内的百分位（越深越靠前，至少 {min} 个乡镇报告时才着色）；灰色斜纹为无本年度报告，虚框为报告未提及，均不参与排名。点击数值查看原文。',
  rankOf: '第{rank}名/{n}',
  percentile: '百分位',
  county: '县区',
  flagsLegend: '⌂ 本地导入、尚未发布 · ✎ 已更正 · ∑ 由报告数字计算 · ⋯ 报告中有其他数值',
  chooseTown: '选择乡镇',
  profileYears: '各年度数值',
  change: '同比',
  rankInYear: '{year}年排名',
  reports: '报告',
  openText: '查看全文',
  fullText: '报告全文',
  closeFullText: '关闭全文',
  localReport: '⌂ 本地导入，尚未发布',
  neverStated: '报告中从未提及的指标',
  allStated: '各项指标均有报告',
  status: '状态',
  message: '说明',
  place: '所属地区',
  mentionsCount: '提取数值',
  unusedCount: '未使用数字',
  noRuleCount: '其中无规则匹配',
  statusOk: '正常',
  statusWarning: '需核对',
  statusError: '错误',
  qualityHint:
    '每份报告的识别状态与抽取情况。点击“未使用数字”中的数目，可逐条查看没有被规则采用的数字及其所在句子，据此发现漏提的表述。',
  unusedTitle: '未使用的数字（{n}）',
  unusedMore: '再显示 {n} 个（已显示 {shown}/{total}）',
  unusedShow: '查看 {n} 个未使用的数字',
  noRuleShow: '查看 {n} 个无规则匹配的数字',
  unusedOnlyNoRule: '只看无规则匹配的数字',
  unusedPanelHint:
    '每个数字标在其所在句中，并注明未被采用的原因。日期、序号、计划等通常无需处理；“无规则匹配”的数字可能是漏提的指标，请对照原文核对。',
  unusedNone: '没有未使用的数字。',
  unusedFailed: '未使用的数字无法加载。',
  unusedReason: '原因',
  reasonPlan: '计划或部署',
  reasonQuota: '目标或下限',
  reasonDate: '日期或时长',
  reasonDocumentNumber: '文号',
  reasonTitle: '文件名称中',
  reasonQuoted: '引号中',
  reasonOrdinal: '序号',
  reasonMoney: '金额',
  reasonMeasure: '规模或级别',
  reasonNoUnit: '无单位（多为条目编号）',
  reasonNoRule: '无规则匹配',
  reasonOutOfRange: '超出指标可能的范围',
  inferredPlace: '{mark} 报告未写明，由全国行政区划库按镇名与上级地名补全',
  importView: '导入',
  textPart: '第 {i}/{n} 段',
  previousPart: '上一段',
  nextPart: '下一段',
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appTitle: 'Township rule-of-law indicators',
  appSubtitle: 'From the towns’ annual rule-of-law reports; every number links to its sentence',
  switchLang: '中文',
  year: 'Year',
  towns: 'Towns',
  allTowns: 'All towns',
  townsSelected: '{n} towns selected',
  category: 'Category',
  indicator: 'Indicator',
  loading: 'Loading data…',
  loadErrors: 'Data problems',
  loadErrorsHint: 'These rows could not be read and were skipped; everything else is shown.',
  loadFailed: 'The data could not be loaded',
  loadFailedHint:
    '{file} could not be read, so there is no data to show. Check that file, or run the extraction again.',
  noData: 'No data',
  overview: 'Overview',
  ranking: 'Ranking',
  trends: 'Trends',
  multiples: 'Related indicators',
  reportingTowns: '{n} of {total} reports state it',
  cardNoReport: '{n} town(s): no report',
  cardAllReports: 'every town reported',
  noneReporting: 'None of the selected towns has a report this year',
  changeFromPrevious: 'vs previous year',
  noPreviousYear: 'no comparable previous year',
  sumOf: 'total',
  medianOf: 'median',
  noReport: 'no report this year',
  notMentioned: 'not in the report',
  statusReported: 'reported',
  noReportList: 'Towns with no {year} report',
  notMentionedList: 'Towns whose {year} report does not state it',
  allReported: 'All selected towns report it',
  noValuesThisYear: 'None of the selected towns reports this indicator for {year}.',
  fewToRank: 'Only {n} town(s) state it: with fewer than {min}, no ranks or percentiles.',
  trendSingleYear:
    'Each town has a report for one year only, so no trend line yet. Points still open their sentence.',
  statedChange: 'change stated in the report',
  source: 'Source',
  close: 'Close',
  previous: 'Previous',
  next: 'Next',
  mentionOf: 'mention {i} of {n}',
  loadingText: 'Loading the report text…',
  textMissing: 'The report text could not be loaded.',
  derivedExplain:
    'The report does not state this rate; it is computed from two figures of one sentence',
  summedExplain: 'The report lists this figure in parts; this is their sum',
  correctedExplain: 'An evaluator corrected this value: ',
  deletedExplain: 'An evaluator deleted this value: ',
  addedExplain: 'An evaluator added this value: ',
  alternativesExplain:
    'The report also states: {values} (the shown value follows the documented choice rule)',
  alternativesChosen: 'The report also states: {groups}',
  alternativesRule: '{values} (chosen by the rule: {rule})',
  alternativesCorrected: 'The report also states: {values}',
  aboutIndicator: 'About this indicator: {name}',
  definitionHead: 'Definition',
  unitHead: 'Unit',
  unitsWritten: ' (reports write {units})',
  countingHead: 'Counting rule',
  qualifierAtLeast: 'at least this (the report writes 余, 多, 以上 …)',
  qualifierAbout: 'approximate (the report writes 约, 近, 左右 …)',
  qualifierBelow: 'less than this (the report writes 不足, 不到)',
  tooltipReport: 'Report: {report} ({year})',
  periodExplain: 'Period: {period}',
  value: 'Value',
  town: 'Town',
  rank: 'Rank',
  table: 'Data table',
  clickHint: 'Click a bar, point or table cell to see the sentence it comes from',
  published: 'Published',
  reportTitleFallback: '{town} rule-of-law report {year}',
  noTownsSelected: 'No town selected',
  selectAll: 'All',
  selectNone: 'None',
  loadingShort: 'loading',
  townSearch: 'Search towns, counties',
  townMatches: '{n} match',
  selectOnlyMatches: 'Select only these',
  addMatches: 'Add to selection',
  noTownMatch: 'No town matches',
  fold: 'fold',
  unfold: 'unfold',
  print: 'Print',
  compare: 'Compare matrix',
  townProfile: 'Town profile',
  sideBySide: 'Side by side',
  trendTop:
    'Showing the {n} towns with the highest latest value ({total} report this indicator); to compare a county or chosen towns, search and pick them under “Towns” above.',
  trendAllShown: 'Showing all {total} towns that report this indicator.',
  showAllTowns: 'Show all',
  showTopTowns: 'Top {n} only',
  rankingWindow:
    '{total} towns; the chart shows {n} at a time: drag the slider on the right or scroll to see the rest.',
  indicatorFailed: "This indicator's data file could not be loaded; see Data problems above.",
  moreTowns: '{n} more towns',
  reportsFailed: 'The report list (reports.csv) could not be loaded; see Data problems above.',
  pickTowns: 'Pick 2–4 towns',
  pickTwo: 'Pick at least two towns to compare',
  sideHint:
    'Each indicator on its own scale and unit (rates 0–100%); a missing figure gets no bar. Raw values below.',
  sidePercentileHint:
    'Bar height is each town’s percentile among the selected towns, within each indicator (only where at least {min} towns state it).',
  sideMode: 'Compare by',
  sideValues: 'values',
  sidePercentiles: 'percentiles',
  quality: 'Data quality',
  latestYear: 'latest year of each town',
  useLatestYear: 'Use each town’s latest report',
  autoLatest:
    'Some towns have no {year} report, so each town’s latest report is compared; untick to see {year} only.',
  exportCsv: 'Export CSV',
  chineseHeaders: 'Chinese headers',
  yearUnused: 'This view does not filter by year (every year, or each town’s latest report)',
  captionTitle: '{title} ({unit})',
  captionCounts: '{n} towns state it · {silent} reports do not · {none} towns have no report',
  captionTowns: '{n} towns shown',
  captionSource:
    'Source: the towns’ rule-of-law government reports; every value traces to its sentence in the dashboard',
  exportPng: 'Export PNG',
  exportSvg: 'Export SVG',
  heatmapHint:
    'Shade shows the town’s percentile within each indicator (darker = higher; only where at least {min} towns state it); hatched cells have no report that year, dashed ones a report that does not state it; neither is ranked. Click a value for its sentence.',
  rankOf: '#{rank}/{n}',
  percentile: 'percentile',
  county: 'County',
  flagsLegend:
    '⌂ imported here, not published yet · ✎ corrected · ∑ computed from the report’s figures · ⋯ the report states other values too',
  chooseTown: 'Town',
  profileYears: 'Values by year',
  change: 'change',
  rankInYear: 'rank {year}',
  reports: 'Reports',
  openText: 'full text',
  fullText: 'Full text',
  closeFullText: 'Close the full text',
  localReport: '⌂ imported here, not published',
  neverStated: 'Indicators no report of this town mentions',
  allStated: 'Every indicator is reported',
  status: 'Status',
  message: 'Notes',
  place: 'Place',
  mentionsCount: 'Figures found',
  unusedCount: 'Unused numbers',
  noRuleCount: 'of which no rule',
  statusOk: 'ok',
  statusWarning: 'check',
  statusError: 'error',
  qualityHint:
    'Detection status and extraction counts per report. Click a count of unused numbers to see each number no rule used in its sentence, to find phrasings the rules miss.',
  unusedTitle: 'Numbers no rule used ({n})',
  unusedMore: 'Show {n} more ({shown} of {total} shown)',
  unusedShow: 'Show the {n} numbers no rule used',
  noRuleShow: 'Show the {n} numbers no rule matched',
  unusedOnlyNoRule: 'Only the numbers no rule matched',
  unusedPanelHint:
    'Each number is marked in its sentence, with why it was not used. Dates, list numbers and plans need nothing; a number no rule matched may be a missed indicator: check it against the report.',
  unusedNone: 'No number was left unused.',
  unusedFailed: 'The unused numbers could not be loaded.',
  unusedReason: 'Why',
  reasonPlan: 'plan',
  reasonQuota: 'target or minimum',
  reasonDate: 'date or duration',
  reasonDocumentNumber: 'document number',
  reasonTitle: 'in a document title',
  reasonQuoted: 'in quotation marks',
  reasonOrdinal: 'ordinal',
  reasonMoney: 'money',
  reasonMeasure: 'size or level',
  reasonNoUnit: 'no unit (list numbers, mostly)',
  reasonNoRule: 'no rule matched',
  reasonOutOfRange: 'out of the indicator’s range',
  inferredPlace:
    '{mark} not written in the report: filled from the national registry of divisions by the town and a place above it',
  importView: 'Import',
  textPart: 'Part {i} of {n}',
  previousPart: 'Previous part',
  nextPart: 'Next part',
};

const MESSAGES: Readonly<Record<Lang, Record<MessageKey, string>>> = { zh, en };

export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return fill(MESSAGES[lang][key], params);
}

/** A message with its {placeholders} filled: for views that keep their own strings. */
export function fill(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function indicatorName(lang: Lang, id: IndicatorId): string {
  return lang === 'zh' ? INDICATORS[id].zh : INDICATORS[id].en;
}

export function categoryName(lang: Lang, id: CategoryId): string {
  return lang === 'zh' ? CATEGORIES[id].zh : CATEGORIES[id].en;
}

/** How a value was chosen among the report's figures (the catalog's wording). */
export function resolutionRuleText(lang: Lang, rule: ResolutionRule): string {
  return RESOLUTION_RULES[rule][lang];
}

const UNIT_EN: Readonly<Record<string, string>> = {
  件: 'cases',
  次: 'times',
  人: 'people',
  人次: 'person-times',
  场: 'events',
  份: 'copies',
  条: 'items',
  个: 'units',
  批: 'batches',
  项: 'items',
  '%': '%',
};

export function unitLabel(lang: Lang, unit: string): string {
  return lang === 'zh' ? unit : (UNIT_EN[unit] ?? unit);
}

const QUALIFIER_PREFIX: Readonly<Record<Qualifier, string>> = {
  '=': '',
  '>=': '≥',
  '~': '≈',
  '<=': '≤',
};

/**
 * 1234.5 → "1,234.5": zh-CN and en-US group and point alike. Written out
 * rather than with Intl.NumberFormat, whose locale data costs the first
 * chart tens of milliseconds on a slow PC.
 */
export function formatNumber(_lang: Lang, value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

let collator: Intl.Collator | null = null;

/** Orders Chinese place names the way readers expect (by pinyin); the collator is built on first use. */
export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('zh-CN');
  return collator.compare(a, b);
}

/** 190 with 余 → "≥190"; percentages carry their sign. */
export function formatValue(lang: Lang, value: number, qualifier: Qualifier, unit: string): string {
  const number = `${QUALIFIER_PREFIX[qualifier]}${formatNumber(lang, value)}`;
  if (unit === '%') return `${number}%`;
  return lang === 'zh' ? `${number}${unit}` : `${number} ${unitLabel(lang, unit)}`;
}

export function formatChange(lang: Lang, percent: number): string {
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${formatNumber(lang, Math.abs(percent))}%`;
}
