/**
 * The import view's strings (zh, en), apart from the page's (zh.ts, en.ts):
 * only src/features/import reads them, so they load with that view, not with
 * the page's first paint.
 */
import { fill, type Lang } from './index';

const zh = {
  importTitle: '导入与审核报告',
  importHint:
    '把今年的报告拖到这里，或点击选择文件：Word 文档（.docx、.doc）、PDF、文本文件（.txt），或从网站上保存下来的网页（.html、.htm，或保存为“单个文件”的 .mhtml、.mht）。提取在本机浏览器中进行，报告不会上传；结果保存在本浏览器中，发布前只有您能看到。',
  importPick: '选择文件',
  importDrop: '拖放报告文件到此处',
  importProgress: '正在提取 {done}/{total}',
  importProblems: '以下文件未能导入，其余已导入：',
  problemNoWorker: '浏览器无法启动提取程序（服务器须以 JavaScript 类型提供 .js 文件）',
  localBanner: '本地导入，尚未发布：仅保存在本浏览器中。',
  workspaceNotSaved: '浏览器不允许本地保存：关闭页面后导入内容将丢失。',
  importedReports: '已导入的报告',
  reviewCounts: '{file} · 待审 {pending} · 已确认 {done}',
  reviewTitle: '审核 · {name}',
  detected: '识别的乡镇与年度（可修改）',
  county: '县区',
  city: '市',
  province: '省',
  nameTooLong: '名称过长：最多 {max} 个字，未保存',
  quotedChar: '“{char}”',
  nameRefused: '名称中不能有 {char}：名称只由文字、数字、空格和名称中的标点组成，未保存',
  valueFound: '提取值',
  sentence: '原文句子',
  decision: '审核',
  accept: '确认',
  edit: '修改',
  reject: '驳回',
  save: '保存',
  cancel: '取消',
  acceptAll: '全部确认',
  decisionPending: '待审',
  decisionAccepted: '已确认',
  decisionEdited: '已修改为 {value}',
  decisionRejected: '已驳回',
  decisionWithdrawn: '已撤销：计算所依据的数字已修改或驳回，不会显示或发布',
  derivedValue: '∑ 由两个数字计算',
  unusedHint:
    '这些数字没有被任何规则识别。如有遗漏的指标，请在下方原文中选中表述该数值的文字，再添加。',
  reportText: '报告原文',
  addFromSelection: '用所选文字添加数值',
  selectFirst: '请先在原文中选中表述数值的文字',
  addedValue: '人工添加',
  discardReport: '丢弃此报告',
  discardAll: '丢弃全部本地导入',
  publishedTownYear: '{town} {year} 年度报告已发布。',
  replacesPublished:
    '导入后，本报告将替换已发布的版本：各视图与合计只计本报告的数值（本报告未提及的指标显示为“{notMentioned}”），发布包中也以本报告替换它。',
  publishedReport: '已发布的报告：《{title}》（{id}）。',
  replacesTag: '替换已发布',
  laterImport:
    '本浏览器中之后又导入了 {town} {year} 年度的报告（{file}）：同一乡镇同一年度只计一份报告，计入的是后导入的那份；请丢弃多余的一份。',
  publishExport: '下载发布包',
  publishProgress: '正在生成发布包：读取已发布报告并重新提取 {done}/{total}',
  publishFailed: '发布包未生成：{detail}',
  publishNoWorker: '浏览器无法启动提取程序（服务器须以 JavaScript 类型提供 .js 文件）',
  publishNotLoaded: '无法读取 {path}（{detail}）',
  publishIndexNotJson: 'data/index.json 不是有效的 JSON',
  publishNoCorrections:
    'data/index.json 未列出 corrections.csv：请重新运行提取（npm run extract），先发布该文件夹',
  publishOldFormat:
    '网站的数据由旧版本写出（报告原文的存放方式不同）：请重新运行提取（npm run extract），先发布该文件夹',
  publishDone:
    '已下载 publish.zip：其中 public/data/ 是合并后的完整数据，用它替换网站的 data/ 文件夹即完成发布。',
  publishNoData: '未能读取网站已发布的数据：发布包将只含本次导入的报告。',
  publishIssues: '生成时发现的问题：',
  idSeparator: '、',
  publishUnreadable: '以下已发布报告没有原文，未包含：{ids}',
  publishSuperseded: '以下导入的报告，同一乡镇同一年度之后又导入了一份，未包含：{ids}',
  pendingBeforePublish: '还有 {n} 个数值待审；发布包中未审的数值按提取结果保留。',
  allReviewed: '全部数值已审核，可以下载发布包。',
  noImports: '尚未导入报告。',
};

export type ImportMessage = keyof typeof zh;

const en: Record<ImportMessage, string> = {
  importTitle: 'Import and review reports',
  importHint:
    "Drop this year's reports here, or pick the files: Word documents (.docx, .doc), PDFs, text files (.txt), or pages saved from a website (.html, .htm, or saved as a single file: .mhtml, .mht). Extraction runs in this browser; nothing is uploaded. Results are kept in this browser and only you see them until they are published.",
  importPick: 'Pick files',
  importDrop: 'Drop report files here',
  importProgress: 'Extracting {done}/{total}',
  importProblems: 'These files were not imported (the others were):',
  problemNoWorker:
    'the browser could not start the extractor (the server must serve .js files as JavaScript)',
  localBanner: 'Imported locally, not published: kept in this browser only.',
  workspaceNotSaved:
    'This browser does not allow local storage: imports are lost when the page closes.',
  importedReports: 'Imported reports',
  reviewCounts: '{file} · {pending} to review · {done} done',
  reviewTitle: 'Review · {name}',
  detected: 'Detected town and year (editable)',
  county: 'County',
  city: 'City',
  province: 'Province',
  nameTooLong: 'Too long: at most {max} characters; not saved',
  quotedChar: '“{char}”',
  nameRefused:
    'A name cannot hold {char}: names are letters, digits, spaces and the punctuation names use; not saved',
  valueFound: 'Value found',
  sentence: 'Sentence',
  decision: 'Review',
  accept: 'Accept',
  edit: 'Edit',
  reject: 'Reject',
  save: 'Save',
  cancel: 'Cancel',
  acceptAll: 'Accept all',
  decisionPending: 'to review',
  decisionAccepted: 'accepted',
  decisionEdited: 'edited to {value}',
  decisionRejected: 'rejected',
  decisionWithdrawn:
    'withdrawn: a figure it is computed from was edited or rejected; not shown or published',
  derivedValue: '∑ computed from two figures',
  unusedHint:
    'No rule recognised these numbers. If one is a missed indicator, select the words that state it in the text below and add it.',
  reportText: 'Report text',
  addFromSelection: 'Add a value from the selected text',
  selectFirst: 'Select the words that state the value in the text first',
  addedValue: 'added by hand',
  discardReport: 'Discard this report',
  discardAll: 'Discard all local imports',
  publishedTownYear: 'The {year} report of {town} is already published.',
  replacesPublished:
    'Imported, this report replaces the published version: every view and total counts this report’s values only (an indicator it does not state shows as “{notMentioned}”), and the publish package replaces it with this report.',
  publishedReport: 'Published report: “{title}” ({id}).',
  replacesTag: 'replaces published',
  laterImport:
    'A report of {town} {year} was imported after this one ({file}): one report counts per town and year, the later one; discard the one you do not need.',
  publishExport: 'Download publish package',
  publishProgress:
    'Building the publish package: reading the published reports and extracting again {done}/{total}',
  publishFailed: 'No publish package: {detail}',
  publishNoWorker:
    'The browser could not start the extractor (the server must serve .js files as JavaScript).',
  publishNotLoaded: '{path} could not be loaded ({detail})',
  publishIndexNotJson: 'data/index.json is not JSON',
  publishNoCorrections:
    'data/index.json does not list corrections.csv: run the extraction again (npm run extract) and publish that folder first',
  publishOldFormat:
    'The site’s data was written by an older version (its report texts are kept differently): run the extraction again (npm run extract) and publish that folder first',
  publishDone:
    'publish.zip downloaded: its public/data/ is the merged data; put it in place of the site’s data/ folder to publish.',
  publishNoData:
    'The site’s published data could not be read: the package will hold only the reports imported here.',
  publishIssues: 'Problems found while building it:',
  idSeparator: ', ',
  publishUnreadable: 'Published reports with no text, left out: {ids}',
  publishSuperseded:
    'Imported reports whose town and year were imported again later, left out: {ids}',
  pendingBeforePublish:
    '{n} values still to review; unreviewed values go into the package as extracted.',
  allReviewed: 'Every value is reviewed: the publish package is ready.',
  noImports: 'No report imported yet.',
};

export function importText(
  lang: Lang,
  key: ImportMessage,
  params: Record<string, string | number> = {},
): string {
  return fill((lang === 'zh' ? zh : en)[key], params);
}
