/**
 * The indicator catalog: the one machine-readable copy of
 * shared/spec/indicators.md. Ids, names, units and the phrasing rules that the
 * extractor runs live here side by side; a new phrasing is one rule line plus
 * one example line (the examples are extracted by the test suite).
 *
 * May import: nothing outside src/catalog.
 */
import type { CategoryId, CategorySpec, Derivation, IndicatorSpec } from './types';

export const CATALOG_VERSION = 'v3';

export const CATEGORIES: Readonly<Record<CategoryId, CategorySpec>> = {
  leadership: {
    zh: '组织领导',
    en: 'Leadership of rule-of-law work',
    headline: 'leadership.rule_of_law_meetings',
  },
  mediation: { zh: '矛盾纠纷调解', en: 'Dispute mediation', headline: 'mediation.cases' },
  legal_advisor: {
    zh: '法律顾问',
    en: 'Government legal advisers',
    headline: 'legal_advisor.documents_reviewed',
  },
  // The people trained, not the v2 coverage rate: one real report in forty
  // states a coverage rate, most state the people; a headline must compare towns.
  training: { zh: '学法培训', en: 'Law study and training', headline: 'training.people' },
  petition: { zh: '信访', en: 'Petitions and citizen requests', headline: 'petition.cases' },
  publicity: { zh: '普法宣传', en: 'Legal publicity', headline: 'publicity.events' },
  legal_service: {
    zh: '公共法律服务',
    en: 'Public legal services',
    headline: 'legal_service.consultations',
  },
  administration: {
    zh: '依法行政',
    en: 'Lawful administration',
    headline: 'administration.proactive_disclosures',
  },
  enforcement: {
    zh: '行政执法',
    en: 'Administrative law enforcement',
    headline: 'enforcement.cases',
  },
};

/** Connector words allowed between a rule's text and its number. */
export const FILLER_WORDS: readonly string[] = [
  '共计',
  '共有',
  '共',
  '累计',
  '合计',
  '总计',
  '全年',
  '年内',
  '达到',
  '已达',
  '达',
  '为',
  '计',
  '有',
  '了',
  '各类',
  '数量',
  '总数',
  '总量',
  '人数',
  '次数',
  '件数',
  '均为',
  '均达到',
  '均达',
  '均',
  ':',
  // A quoted term may close right before its figure: 培育“法律明白人”236名.
  '\u201d',
  '\u2019',
  '"',
  '」',
];

const CASES = ['件', '起', '宗', '个', '件次'] as const;
const PEOPLE = ['人', '名', '位', '人次'] as const;
const NONE: readonly string[] = [];

const LEGAL_ADVISER = '法律顾问|律师';
/** A village's or community's adviser serves its residents: their lectures are publicity, not cadre training. */
const VILLAGE_ADVISER = '社区法律顾问|村法律顾问|村居法律顾问|驻村律师';
/** The sentence is about law (not safety or business training). */
const LAW = '法治|法律|学法|普法|法规|宪法|民法典|法制|依法';
/** A section or paragraph about rule-of-law work as a whole (not one of its fields). */
const RULE_OF_LAW_WORK = '法治建设|法治政府|依法治|法治工作|法治乡镇|法治街道';
/** Who leads: a study of theirs is the leadership's, not the cadres' training. */
const LEADERS = '党委|党工委|党组|中心组|领导班子|班子成员|领导干部|党委会|主要负责人';
/** A section or paragraph about studying the law (where a bare 专题学习 is law study). */
const LAW_STUDY = '学法|习近平法治思想|法治学习|学习法律|法律法规|尊法学法';
/** Party rules are not the state's laws: studying them is not law study. */
const PARTY_RULES = '党内法规|党规党纪|党章党规|党纪党规';
/** Handing out publicity material, and the material handed out. */
const HAND_OUT = '(发放|印发|印制|派发|分发|赠送)';
const MATERIALS =
  '资料|材料|手册|宣传册|小册子|宣传单|宣传品|折页|彩页|书籍|读本|读物|传单|明白纸|宣传页';
/** Meetings, as reports name them. */
const MEETING =
  '会议|党委会|党工委会|党委会议|党工委会议|部署会|推进会|专题会|调度会|工作会|联席会|专题党委会|专题党工委会';

/**
 * Every indicator of the catalog, keyed by id. Order matters only as the last
 * tie-break between two rules that claim the same number equally well.
 */
export const INDICATORS = {
  'leadership.rule_of_law_meetings': {
    category: 'leadership',
    zh: '专题研究法治建设的会议次数',
    en: 'Meetings on rule-of-law work',
    unit: '次',
    kind: 'count',
    units: ['次', '场', '期'],
    rules: [
      { name: 'studied-rule-of-law', p: '研究…法治(政府建设|建设)?(工作)?' },
      { name: 'heard-report', p: '听取…法治(政府建设|建设)?(工作)?(汇报|情况汇报|报告)' },
      { name: 'n-times-studied', p: '{n}…研究…法治' },
      { name: 'committee-meeting', p: '法治(政府)?建设(工作)?(委员会|领导小组)…会议' },
      { name: 'rule-of-law-special-meeting', p: '法治(政府)?建设(工作)?专题会(议)?' },
      {
        name: 'governance-committee-meeting',
        p: '依法治(镇|乡|街道|街|理|区|县)…(委员会|领导小组)…会议',
      },
      // 召开法治建设推进会3次; 召开法治专题党工委会2次
      { name: 'rule-of-law-meeting', p: `法治(政府)?(建设)?(工作)?(专题)?…(${MEETING})` },
      // The number before the meeting: 召开2次法治工作专题会
      { name: 'n-times-rule-of-law-meeting', p: `{n}…法治…(${MEETING})` },
      { name: 'specially-studied-rule-of-law', p: '专题(研究|部署)…法治(政府建设|建设|工作)' },
      // A bare 专题会议 where the section or paragraph is about rule-of-law work.
      {
        name: 'special-meeting-under-rule-of-law-heading',
        p: '(召开|组织召开|主持召开)(党委|党工委|党组|领导小组|委员会)?(专题会议|专题会|专题党委会|专题党工委会|专题研究会)',
        context: RULE_OF_LAW_WORK,
      },
    ],
    examples: [
      ['召开党委会专题研究法治建设4次', 4],
      ['全年召开法治建设委员会专题会议31次', 31],
      ['本年度召开法治建设推进会3次', 3],
      ['先后召开2次法治工作专题会', 2],
      ['镇法治建设领导小组统筹推进，年内召开专题会议5次', 5],
    ],
  },

  'leadership.responsibility_letters': {
    category: 'leadership',
    zh: '签订法治建设责任书数',
    en: 'Rule-of-law responsibility letters signed',
    unit: '份',
    kind: 'count',
    units: ['份', '个', '家'],
    // A letter on rule-of-law work; safety or environment letters are not this.
    rules: [
      {
        name: 'signed-letters',
        p: '(签订|签署|层层签订)…法治(政府)?(建设)?(工作)?(目标)?(责任书|承诺书)(》)?',
      },
      { name: 'responsibility-letters', p: '法治(政府)?建设(工作)?(目标)?(责任书|承诺书)(》)?' },
      // Counted by who signed, one letter each: 与18个村（社区）签订法治建设责任书
      {
        name: 'n-units-signed',
        p: '{n}(行政)?(村|社区|居委会|站所|部门|单位)……(签订|签署)…法治(政府)?(建设)?(工作)?(目标)?(责任书|承诺书)',
        units: ['个', '家'],
      },
    ],
    examples: [
      ['与各村（社区）签订法治建设责任书25份', 25],
      ['镇政府同18个村（社区）逐一签订了法治建设目标责任书', 18],
      ['层层签订《法治政府建设目标责任书》13份', 13],
    ],
  },
  'leadership.law_reporting': {
    category: 'leadership',
    zh: '述法人数',
    en: 'Officials reporting on their rule-of-law duties (述法)',
    unit: '人',
    kind: 'count',
    units: ['人', '名', '位'],
    rules: [
      { name: 'law-reporting', p: '述法(评议|考评)?(人员|对象)?' },
      // 12名村（社区）党组织书记开展年度述法; 8个村党支部书记完成述法
      {
        name: 'n-officials-reported',
        p: '{n}…(书记|负责人|干部|领导|主任)……述法',
        units: ['人', '名', '位', '个'],
      },
      // The people listed first, then counted: 书记、主任及4名班子成员共6人开展述法
      { name: 'n-carried-out-reporting', p: '{n}(开展|进行|完成)(了)?(年度|年终|现场)?述法' },
    ],
    examples: [
      ['12名村（社区）党组织书记开展年度述法', 12],
      ['组织述法评议9人', 9],
      ['镇党委书记、镇长及4名班子成员共6人进行了年终述法', 6],
    ],
  },

  'mediation.cases': {
    category: 'mediation',
    zh: '调解矛盾纠纷数',
    en: 'Disputes mediated',
    unit: '件',
    kind: 'count',
    units: CASES,
    rules: [
      { name: 'mediated-disputes', p: '(调解|化解|调处|解决|受理)…(纠纷|矛盾|调解案件)' },
      { name: 'screened-and-resolved-disputes', p: '排查(化解|调处|调解)…(纠纷|矛盾)' },
      { name: 'disputes-mediated', p: '(纠纷|矛盾)…(调解|调处)(案件)?' },
      { name: 'peoples-mediation', p: '人民调解(案件)?' },
    ],
    examples: [
      ['今年共调解矛盾纠纷208件', 208],
      ['人民调解化解矛盾纠纷474件', 474],
      ['累计解决各项纠纷190余起', 190, '>='],
      ['受理各类矛盾纠纷1,250件', 1250],
    ],
  },
  'mediation.resolved': {
    category: 'mediation',
    zh: '调解成功数',
    en: 'Disputes resolved',
    unit: '件',
    kind: 'count',
    units: CASES,
    rules: [
      { name: 'successfully-mediated', p: '成功(调解|化解|调处)' },
      { name: 'successfully-mediated-disputes', p: '成功(调解|化解|调处)…(纠纷|矛盾|案件)' },
      { name: 'mediation-succeeded', p: '(调解|调处|化解)成功' },
      {
        name: 'resolved-in-dispute-sentence',
        p: '(已|均已|已经|有效)?(化解|调处|调结)',
        topic: '纠纷|矛盾|调解|隐患',
      },
      {
        name: 'n-resolved',
        p: '{n}(已|均已)?(调解成功|成功调解|化解成功|得到化解|得到有效化解|已化解)',
      },
      // A bare 成功 after the disputes mediated: 调解纠纷53件，成功51件
      { name: 'success-in-mediation-sentence', p: '成功', topic: '调解|调处' },
    ],
    examples: [
      ['成功调解207件', 207],
      ['各级调委会调处纠纷53件，成功51件', 51],
      ['共排查出矛盾隐患94件，已化解89件', 89],
      ['摸排各类矛盾隐患70件，化解45件', 45],
      ['受理纠纷120件，其中118件调解成功', 118],
    ],
  },
  'mediation.success_rate': {
    category: 'mediation',
    zh: '调解成功率 / 化解率',
    en: 'Mediation success rate',
    unit: '%',
    kind: 'percent',
    units: NONE,
    rules: [
      { name: 'mediation-success-rate', p: '(调解|调处|化解)成功率' },
      { name: 'dispute-resolution-rate', p: '(纠纷|矛盾)…(化解|调解|调处)(成功)?率' },
      {
        name: 'resolution-rate-in-dispute-sentence',
        p: '(化解|调解|调处|调结)率',
        topic: '纠纷|矛盾|调解',
      },
      { name: 'rate-after-success-rate', p: '成功率', topic: '纠纷|矛盾|调解|调处' },
    ],
    examples: [
      ['调解成功率99.5%', 99.5],
      ['全年矛盾纠纷化解率100%', 100],
      ['调解成功率达到97.8%', 97.8],
      ['矛盾纠纷调处成功率达百分之九十八', 98],
    ],
  },
  'mediation.screened': {
    category: 'mediation',
    zh: '排查矛盾纠纷/隐患数',
    en: 'Disputes and risks screened',
    unit: '件',
    kind: 'count',
    units: ['件', '起', '宗', '个', '条', '处'],
    rules: [{ name: 'screened-disputes', p: '(排查|摸排|排摸)…(矛盾|纠纷)(隐患|问题|风险|线索)?' }],
    examples: [
      ['排查出矛盾隐患94件', 94],
      ['摸排各类矛盾隐患70件', 70],
      ['排查出矛盾纠纷138件', 138],
    ],
  },
  'mediation.agreements': {
    category: 'mediation',
    zh: '调解协议数',
    en: 'Mediation agreements',
    unit: '件',
    kind: 'count',
    units: ['件', '份', '个', '起'],
    rules: [
      { name: 'mediation-agreements', p: '调解协议(书)?' },
      { name: 'written-or-oral-agreements', p: '(书面|口头)协议(书)?' },
    ],
    examples: [
      ['制作调解协议书263件', 263],
      ['口头调解协议211件', 211],
    ],
  },
  'mediation.teams': {
    category: 'mediation',
    zh: '调解组织/队伍数',
    en: 'Mediation bodies and teams',
    unit: '个',
    kind: 'count',
    units: ['个', '支', '家'],
    rules: [
      { name: 'mediation-bodies', p: '调解(组织|队伍|委员会|工作室|室|小组|团队|中心)' },
      { name: 'n-mediation-bodies', p: '{n}…调解(组织|队伍|委员会|工作室|小组|团队)' },
      { name: 'n-mediation-committees', p: '{n}…调委会' },
    ],
    examples: [
      ['成立基层纠纷调解队伍22支', 22],
      ['调解工作室4个', 4],
      ['组建12支专业调解队伍', 12],
    ],
  },

  'legal_advisor.documents_reviewed': {
    category: 'legal_advisor',
    zh: '审查文件/合同数',
    en: 'Documents and contracts reviewed',
    unit: '件',
    kind: 'count',
    units: ['件', '份', '件次', '个', '项'],
    rules: [
      { name: 'reviewed-documents', p: '(审查|审核|把关)…(文件|合同|协议|文书)' },
      { name: 'document-review', p: '(文件|合同|协议)(合法性)?(审查|审核)' },
      { name: 'legality-review', p: '合法性审(查|核)' },
      // The number before the documents: 对86份合同进行合法性审查
      { name: 'n-documents-reviewed', p: '{n}…(文件|合同|协议|文书)…(审查|审核|把关)' },
    ],
    examples: [
      ['法律顾问为政府审查文件134件', 134],
      ['审核镇政府各类合同28份', 28],
      ['审查合同50余份', 50, '>='],
      ['合同审查136件次', 136],
      ['对86份合同及协议进行合法性审查', 86],
    ],
  },
  'legal_advisor.documents_drafted': {
    category: 'legal_advisor',
    zh: '起草文件数',
    en: 'Documents drafted',
    unit: '件',
    kind: 'count',
    units: ['件', '份', '个'],
    rules: [
      { name: 'drafted', p: '(起草|草拟|代拟)(各类)?(文件|合同|法律文书|文书|协议)?' },
      // 起草合同文本5份, 代拟规范性文件2件
      { name: 'drafted-then-documents', p: '(起草|草拟|代拟)…(文件|合同|文书|协议|文本)' },
      // 代写法律文书 is what a public legal service station does for residents,
      // unless the sentence is about the government's legal adviser.
      { name: 'adviser-wrote-documents', p: '代写…(文件|合同|文书|协议|文本)?', topic: '法律顾问' },
    ],
    examples: [['起草文件20件', 20]],
  },
  'legal_advisor.cases': {
    category: 'legal_advisor',
    zh: '代理/参与案件数',
    en: 'Cases handled by legal advisers',
    unit: '件',
    kind: 'count',
    // 参加调解3次: an adviser's part in a case is counted in times too.
    units: [...CASES, '次'],
    rules: [
      { name: 'represented-cases', p: '代理…(案件|诉讼|仲裁)' },
      {
        name: 'adviser-took-part-in-cases',
        p: '(参与|参加|出庭|协助)…(诉讼|案件|仲裁|调解|法律事项|涉法事项)',
        topic: LEGAL_ADVISER,
      },
    ],
    examples: [
      ['代理案件6件', 6],
      ['全镇法律顾问参与行政诉讼、信访案件7宗', 7],
      ['法律顾问参与处理各类涉法事项15件次', 15],
      ['村法律顾问审查合同9份，参与矛盾纠纷调解4次', 4],
    ],
  },
  'legal_advisor.consultations': {
    category: 'legal_advisor',
    zh: '法律顾问咨询答复次数',
    en: 'Questions answered by legal advisers',
    unit: '次',
    kind: 'count',
    units: ['次', '件', '个', '条', '人次'],
    rules: [
      {
        name: 'adviser-answered-consultations',
        p: '(解答|答复|提供|接受)…咨询',
        topic: LEGAL_ADVISER,
      },
      { name: 'adviser-consultation-answers', p: '咨询(答复|解答)(问题)?', topic: LEGAL_ADVISER },
    ],
    examples: [
      ['法律顾问咨询答复问题20次', 20],
      ['法律顾问解答法律咨询60余次', 60, '>='],
    ],
  },
  'legal_advisor.opinions': {
    category: 'legal_advisor',
    zh: '法律意见/建议数',
    en: 'Legal opinions given',
    unit: '条',
    kind: 'count',
    units: ['条', '件', '份', '次', '项', '个'],
    rules: [
      { name: 'legal-opinions', p: '法律(专业)?(意见|建议)(书)?' },
      { name: 'review-opinions', p: '(审查|审核)意见书' },
      {
        name: 'adviser-gave-opinions',
        p: '(提出|提供|出具)…(意见|建议)(书)?',
        topic: LEGAL_ADVISER,
      },
      // The number first: 出具7份法律意见书; 提出12条法律建议
      { name: 'n-legal-opinions', p: '{n}法律(专业)?(意见|建议)(书)?' },
    ],
    examples: [
      ['法律顾问全年出具7份法律意见书', 7],
      ['参与现场会议提出法律意见6次', 6],
      ['政府法律顾问提供相关法律建议50条', 50],
      ['提供法律专业意见40余件', 40, '>='],
      ['对镇政府签订的合同出具审查意见书9份', 9],
    ],
  },
  'legal_advisor.decisions': {
    category: 'legal_advisor',
    zh: '参与重大决策/合法性审查数',
    en: 'Major decisions reviewed',
    unit: '项',
    kind: 'count',
    units: ['项', '次', '件', '个'],
    rules: [
      { name: 'took-part-in-decisions', p: '参与…决策(事项)?(论证|审查|咨询|讨论)?' },
      { name: 'reviewed-decisions', p: '(审查|审核|把关)…决策(事项)?' },
      { name: 'decisions-legality-reviewed', p: '决策(事项)?…合法性审查' },
      { name: 'n-decisions-legality-reviewed', p: '{n}…决策…合法性审查' },
      // 作出重大行政决策4项，均经合法性审查; 决策事项9项，均经法律顾问合法性审查
      { name: 'decisions-n-legality-reviewed', p: '决策(事项)?{n}……合法性审查' },
    ],
    examples: [
      ['全镇法律顾问参与重大行政决策9次', 9],
      ['对6项重大行政决策开展合法性审查', 6],
    ],
  },
  'legal_advisor.villages_covered': {
    category: 'legal_advisor',
    zh: '配备法律顾问的村(社区)数',
    en: 'Villages with a legal adviser',
    unit: '个',
    kind: 'count',
    units: ['个'],
    rules: [
      { name: 'n-villages-with-adviser', p: '{n}(行政)?(村|社区|居|嘎查)……(法律顾问|律师)' },
      { name: 'adviser-covers-villages', p: '法律顾问…(覆盖|实现)…(村|社区)' },
    ],
    examples: [
      ['推动全镇22个村街建立法律顾问制度', 22],
      ['11个村（社区）均与安徽北方之光律师事务所律师团队签订法律顾问聘任协议书', 11],
      ['全乡9个行政村、2个社区均已聘请法律顾问', 11],
    ],
  },
  'legal_advisor.count': {
    category: 'legal_advisor',
    zh: '法律顾问人数',
    en: 'Legal advisers retained',
    unit: '人',
    kind: 'count',
    units: ['名', '人', '位'],
    rules: [
      { name: 'hired-n-lawyers', p: '聘……{n}(律师|法律顾问|专职律师|执业律师)' },
      { name: 'hired-advisers', p: '(聘请|聘用|聘任|配备|配齐)…法律顾问' },
      { name: 'n-lawyers-serve-as-advisers', p: '{n}(律师|执业律师)…担任…法律顾问' },
      { name: 'has-advisers', p: '(现有|共有|配有)…(法律顾问|律师)' },
    ],
    examples: [
      ['聘请上海市恒业律师事务所的两名律师担任镇政府常年法律顾问', 2],
      ['聘请法律顾问3名', 3],
      ['目前全乡现有法律顾问2人', 2],
    ],
  },

  'legal_advisor.coverage_rate': {
    category: 'legal_advisor',
    zh: '村(社区)法律顾问覆盖率',
    en: 'Villages covered by a legal adviser',
    unit: '%',
    kind: 'percent',
    units: NONE,
    rules: [
      { name: 'adviser-coverage-rate', p: '法律顾问…覆盖率' },
      { name: 'coverage-rate-in-adviser-sentence', p: '覆盖率', topic: '法律顾问' },
    ],
    full: ['法律顾问'],
    examples: [
      ['村（社区）法律顾问覆盖率达100%', 100],
      ['全镇16个村（社区）已实现法律顾问全覆盖', 100],
      ['深入推行“一村（居）一法律顾问”制度并达到全覆盖', 100],
    ],
  },

  'training.leadership_sessions': {
    category: 'training',
    zh: '领导班子/中心组学法次数',
    en: 'Leadership law-study sessions',
    unit: '次',
    kind: 'count',
    units: ['次', '场', '期'],
    rules: [
      { name: 'law-study', p: '学法(活动)?' },
      {
        name: 'central-group-studied-law',
        p: '中心组…(学法|学习)(法律法规|法律|法规|法治)?',
        topic: '法治|法律|法规|学法',
      },
      // 纳入理论学习中心组学习计划，全年开展专题学习4次
      { name: 'central-group-special-study', p: '中心组……专题学习', topic: '法治|法律|法规|学法' },
      // The leaders' study of law, the law named around the study (党工委集中学习
      // 《行政处罚法》等法律法规6次; 中心组开展宪法专题学习2次); a leaders' study of
      // something else (中心组专题学习13次) is not this.
      {
        name: 'leaders-studied-law',
        p: `(${LEADERS})…(学习|研讨|研学)……(法律|法规|法治|宪法|民法典|法典)……`,
        unless: PARTY_RULES,
      },
      {
        name: 'leaders-law-study',
        p: `(${LEADERS})…(法律|法规|法治|宪法|民法典)…(学习|研讨|研学)…`,
        unless: PARTY_RULES,
      },
      // 党工委专题学习4次 in a section or paragraph about law study.
      {
        name: 'leaders-special-study-under-law-heading',
        p: '(党委|党工委|党组|中心组|领导班子)…(专题学习|集中学习|集体学习|专题学法|学习研讨|专题研讨)',
        context: LAW_STUDY,
        unless: PARTY_RULES,
      },
      // 落实“第一议题”学习12次: the leadership's standing study.
      { name: 'first-agenda-item-study', p: '第一议题…(学习|学法)', context: LAW },
      // A bare study session in a paragraph or section about law study: 集体学习3次,
      // 专题研讨2次, 集体学习宪法4次, 开展5次集中学习研讨.
      {
        name: 'special-study-under-law-heading',
        p: '(专题学习|集体学习|集中学习研讨|专题研讨|研讨交流|学习研讨|专题法治学习|法治专题学习)…',
        context: LAW_STUDY,
        unless: PARTY_RULES,
      },
      {
        name: 'n-special-studies-under-law-heading',
        p: '{n}(专题学习|集体学习|集中学习研讨|集中学习|专题研讨|学习研讨)',
        context: LAW_STUDY,
        unless: PARTY_RULES,
      },
      {
        name: 'law-discussion-under-law-heading',
        p: '(法治思想|民法典|宪法|法律|法规)…研讨',
        context: LAW_STUDY,
      },
    ],
    examples: [
      ['累计组织学法8次', 8],
      ['党工委集中学习《行政处罚法》等法律法规6次', 6],
      ['镇党委理论学习中心组把习近平法治思想列为重点，开展专题研讨3次', 3],
      ['坚持学法制度，全年落实“第一议题”学习12次', 12],
      ['把宪法和民法典作为学法重点，集体学习3次', 3],
      ['围绕习近平法治思想开展学法，全年组织5次集中学习研讨', 5],
      ['今年已开展会前学法24次', 24],
      ['全年共开展党政领导班子学法6次', 6],
      ['集体学法12次', 12],
    ],
  },
  'training.sessions': {
    category: 'training',
    zh: '法治培训场次',
    en: 'Training sessions',
    unit: '次',
    kind: 'count',
    units: ['次', '场', '场次', '期', '班', '轮'],
    rules: [
      { name: 'law-training', p: '(培训|轮训)(班|会|活动|课)?', topic: LAW },
      // 参加法制培训、考试等5次: the sessions of a list.
      { name: 'training-listed-with-others', p: '(培训|轮训)(、|和|及)…', topic: LAW },
      // 举办“法治讲堂”2期, for the cadres
      { name: 'law-lecture-hall', p: '(法治|法律)(大)?讲堂', topic: '中心组|干部|学法|学习|培训' },
      // Lectures and classes on law for the cadres (publicity's lectures are for residents).
      {
        name: 'lecture-not-for-public',
        p: '(讲座|讲课|法治课|培训班|培训会|报告会)',
        context: LAW,
        unless: `群众|居民|村民|学生|师生|青少年|进校园|进社区|进村|${VILLAGE_ADVISER}`,
      },
      // The cadres' study sessions, the cadres named in the clause: 组织机关干部
      // 集中学习法律法规8次 (a party branch's 集中学习 is not law training).
      {
        name: 'cadres-group-study',
        p: '(干部|职工|人员|两委|网格员)…(集中|专题|法治|理论)…学(习|法)…',
        context: LAW,
        unless: PARTY_RULES,
      },
      // 组织执法人员开展执法业务培训6次
      { name: 'enforcement-training', p: '(执法|业务)…培训', topic: '执法人员|执法队员' },
      // The number first: 举办了3期法治专题培训班; 开展4场学法培训
      { name: 'n-law-trainings', p: '{n}(法治|法律|法制|学法|依法行政)…(培训|轮训)' },
      // The cadres named earlier in the sentence, the law in the clause:
      // 组织村干部开展业务学习3次，集中学习法律法规4次.
      {
        name: 'group-study-of-law',
        p: '(集中|专题)学习…(法律|法规|法治)',
        topic: '干部|职工|工作人员',
        unless: PARTY_RULES,
      },
    ],
    examples: [
      ['举办习近平法治思想专题讲座2期', 2],
      ['组织机关干部集中学习法律法规8次', 8],
      ['组织执法人员开展执法业务培训6次', 6],
      ['组织全镇“法治带头人”“法律明白人”集中培训4次', 4],
      ['共培养法治带头人和法律明白人共计144人，今年已开展集中业务培训3次', 3],
      ['法治培训10场次', 10],
      ['组织村干部开展业务学习3次，专题学习涉农法律法规4次', 4],
      ['年内举办了3期依法行政专题培训班', 3],
    ],
  },
  'training.people': {
    category: 'training',
    zh: '培训人数/人次',
    en: 'People trained',
    unit: '人',
    kind: 'count',
    units: PEOPLE,
    // Safety or business training is not law training: the sentence must speak of law.
    rules: [
      { name: 'trained', p: '(培训|轮训)', topic: LAW },
      {
        name: 'trained-people',
        p: '(培训|轮训)…(员|干部|党员|职工|骨干|代表|明白人|带头人)',
        topic: LAW,
      },
      // 乡村干部法治培训2期120人次: the people after the sessions.
      { name: 'trained-in-sessions', p: '(培训|轮训)…(期|次|场|场次)', topic: LAW },
      { name: 'participants', p: '参训(执法)?(人员|干部)?', topic: LAW },
      {
        name: 'covered-cadres',
        p: '(覆盖|参加|参与)…(干部|人员|党员|职工)',
        topic: '培训|学法|授课',
      },
      { name: 'covered', p: '覆盖', topic: '培训|学法|授课' },
      // 参训人员达85人次; 参加学习人数300余人次
      { name: 'trainee-count', p: '(培训|参训|学习)(人员|人数)', context: LAW },
      // The number first: 机关干部50余人参加了法治专题培训
      { name: 'n-attended-training', p: '{n}…(参加|参与)(了)?……(法治|法律|法制|学法)…(培训|轮训)' },
    ],
    examples: [
      ['机关及村（社区）干部50余人参加了法治专题培训', 50, '>='],
      ['组织全镇“法律明白人”集中培训4次，累计培训186人', 186],
      ['开展法治培训，覆盖镇村干部200余人', 200, '>='],
      ['开展法治培训5场，覆盖500余人次', 500, '>='],
    ],
  },
  'training.exam_takers': {
    category: 'training',
    zh: '参加学法考试人数',
    en: 'People taking the law exam',
    unit: '人',
    kind: 'count',
    units: PEOPLE,
    rules: [
      { name: 'n-took-exam', p: '{n}…参加……(考试|测试|考核)' },
      { name: 'took-exam', p: '(参加|参与)…(考试|测试|考核)(人员|人数)?' },
      { name: 'sat-exam-count', p: '参考(人员|人数)' },
      // 应考132人，实考132人: those who sat it.
      { name: 'actually-sat', p: '实考(人员|人数)?' },
      // 组织36名在编人员参与执法资格考试; 300余名干部参加网上学考
      { name: 'n-took-part-in-test', p: '{n}…(参加|参与)……(考试|测试|学考|考核)' },
      { name: 'n-before-exam', p: '{n}…(网上|在线)?(学法|普法)?(考试|学考|测试)' },
    ],
    examples: [
      ['组织49人参加学法用法在线学习考试', 49],
      ['组织36名在编人员参与执法资格考试', 36],
      ['全乡300余名干部参加网上学考', 300, '>='],
    ],
  },
  'training.exam_participation_rate': {
    category: 'training',
    zh: '参学率/参考率',
    en: 'Exam participation rate',
    unit: '%',
    kind: 'percent',
    units: NONE,
    rules: [{ name: 'participation-rate', p: '(参学|参考|参试|参学参考)率' }],
    examples: [
      ['参考率100%', 100],
      ['参学率100%', 100],
    ],
  },
  'training.exam_pass_rate': {
    category: 'training',
    zh: '通过率/及格率/合格率',
    en: 'Exam pass rate',
    unit: '%',
    kind: 'percent',
    units: NONE,
    rules: [
      { name: 'pass-rate', p: '(通过|及格|合格)率', topic: '考试|测试|考核|学法|参考|参学|资格' },
    ],
    examples: [
      ['组织49人参加学法用法在线学习考试，参考率、通过率均为100%', 100],
      ['参与学法平台学习和考试，参学率100%，参考率100%，及格率100%', 100],
    ],
  },
  'training.legal_literates': {
    category: 'training',
    zh: '法律明白人/法治带头人数',
    en: 'Community legal literates',
    unit: '人',
    kind: 'count',
    units: ['人', '名', '位'],
    rules: [
      { name: 'legal-literates', p: '(法律明白人|法治带头人|学法用法示范户)(骨干)?' },
      { name: 'n-legal-literates', p: '{n}(“|")?(法律明白人|法治带头人)' },
    ],
    examples: [
      ['法治带头人和法律明白人137名', 137],
      ['共培养法治带头人和法律明白人共计144人', 144],
      ['培养200名法律明白人', 200],
      ['培育46名“法律明白人”、21名“法治带头人”', 67],
    ],
  },

  'training.coverage_rate': {
    category: 'training',
    zh: '学法培训覆盖率/参训率',
    en: 'Training coverage',
    unit: '%',
    kind: 'percent',
    units: NONE,
    rules: [
      {
        name: 'training-coverage-rate',
        p: '(学法|培训|学习|轮训|学法培训|学习培训|法治培训)覆盖率',
      },
      { name: 'coverage-rate-in-training-sentence', p: '覆盖率', topic: '学法|培训|轮训' },
      { name: 'attendance-rate', p: '参训率' },
    ],
    examples: [
      ['干部学法培训覆盖率达100%', 100],
      ['村组干部参训率98%', 98],
    ],
  },

  'petition.cases': {
    category: 'petition',
    zh: '信访件数',
    en: 'Petitions handled',
    unit: '件',
    kind: 'count',
    units: ['件', '起', '宗', '个', '件次'],
    rules: [
      { name: 'petitions', p: '信访(件|事项|案件|问题|诉求)?' },
      { name: 'letters-and-visits-handled', p: '(来信|来访|信访)…(受理|办理)' },
      {
        name: 'handled-petitions',
        p: '(受理|办理|接收|收到|登记)…(信访|来信|来访|初信初访|初信|初访)(件|事项|案件)?',
      },
    ],
    examples: [
      ['全年共办理信访件73件', 73],
      ['受理信访事项45件', 45],
    ],
  },
  'petition.closed': {
    category: 'petition',
    zh: '信访办结数',
    en: 'Petitions closed',
    unit: '件',
    kind: 'count',
    units: ['件', '起', '宗', '个', '件次'],
    rules: [
      { name: 'n-closed', p: '{n}(已|均已|全部)?办结', topic: '信访|来访|来信|初信|初访' },
      {
        name: 'closed',
        p: '(已|共)?办结(信访)?(件|事项|案件)?',
        topic: '信访|来访|来信|初信|初访',
      },
    ],
    examples: [['全年共办理信访件73件，其中68件已办结', 68]],
  },
  'petition.closure_rate': {
    category: 'petition',
    zh: '信访办结率',
    en: 'Petition closure rate',
    unit: '%',
    kind: 'percent',
    units: NONE,
    rules: [
      { name: 'closure-rate', p: '(按期)?办结率', topic: '信访|来访|来信|初信|初访' },
      { name: 'petition-closure-rate', p: '(信访|来访)…(化解|结案|办结)率' },
    ],
    examples: [['全年共办理信访件73件，其中68件已办结，办结率达93.15%', 93.15]],
  },
  'petition.visit_batches': {
    category: 'petition',
    zh: '来访批次',
    en: 'Petition visits (batches)',
    unit: '批',
    kind: 'count',
    units: ['批', '批次'],
    rules: [{ name: 'visits', p: '(来访|接访|上访|信访)…' }],
    examples: [['累计接待来访群众231批566人次', 231]],
  },
  'petition.visitors': {
    category: 'petition',
    zh: '来访人次',
    en: 'Petition visitors',
    unit: '人次',
    kind: 'count',
    units: ['人次', '人', '名'],
    rules: [
      { name: 'visits', p: '(来访|接访|上访)…' },
      { name: 'petitioning-people', p: '信访…(群众|人员)' },
    ],
    examples: [['累计接待来访群众231批566人次', 566]],
  },
  'petition.visits_yoy': {
    category: 'petition',
    zh: '来访同比变化',
    en: 'Change in petition visits',
    unit: '%',
    kind: 'change',
    units: NONE,
    rules: [
      // The change belongs to visits when its clause follows theirs directly;
      // a change of 信访总量 (letters, online and visits together) is not this.
      {
        name: 'visits-year-on-year',
        p: '(来访|接访|上访)…(同比|较上年|较去年|比上年|比去年|与去年相比|与上年相比|与去年同期相比)',
      },
      {
        name: 'visits-comma-year-on-year',
        p: '(来访|接访|上访)…,(同比|较上年|较去年|比上年|比去年|与去年相比|与上年相比|与去年同期相比)',
      },
    ],
    examples: [
      ['累计接待来访群众231批566人次，同比下降17.20%', -17.2],
      ['接待群众来访人次同比上升5%', 5],
    ],
  },
  'petition.hotline': {
    category: 'petition',
    zh: '热线/网络诉求数',
    en: 'Hotline and online requests',
    unit: '件',
    kind: 'count',
    units: ['件', '条', '个', '单', '件次'],
    rules: [
      {
        name: 'hotline-requests',
        p: '(12345|热线|网络|网上|留言|市长信箱|书记信箱)……(诉求|工单|留言|咨询|问题|事项|投诉)',
      },
      { name: 'hotline-orders', p: '(热线|12345)(工单|诉求)' },
      { name: 'hotline-handled', p: '(12345|热线)…(受理|办理|接收|转办|办结)' },
    ],
    examples: [
      ['办理群众通过12345热线及信访渠道诉求1890余件', 1890, '>='],
      ['完成12345热线及人民网等留言咨询1335件', 1335],
      ['全年12345热线平台受理812件', 812],
    ],
  },

  'petition.satisfaction_rate': {
    category: 'petition',
    zh: '信访/诉求满意率',
    en: 'Satisfaction with petition handling',
    unit: '%',
    kind: 'percent',
    units: NONE,
    rules: [
      {
        name: 'satisfaction-rate',
        p: '(群众)?满意(率|度)',
        topic: '信访|来访|来信|诉求|热线|12345|工单|办结',
      },
    ],
    examples: [
      ['办理12345热线诉求500件，群众满意率达98.6%', 98.6],
      ['受理信访事项45件，办结率、满意率均为100%', 100],
    ],
  },

  'publicity.events': {
    category: 'publicity',
    zh: '普法宣传活动场次',
    en: 'Legal publicity events',
    unit: '场',
    kind: 'count',
    units: ['场', '次', '场次', '期'],
    rules: [
      { name: 'publicity-events', p: '(普法|法治宣传|法制宣传|法律宣传|法治宣讲)(教育)?(活动)?' },
      // Safety or epidemic publicity is not legal publicity.
      { name: 'publicity-on-law', p: '(宣传|宣讲)(教育)?(活动)?', topic: LAW },
      { name: 'law-into-n-places', p: '法律(五|六|七|八)进(活动)?' },
      { name: 'publicity-activities', p: '(普法|法治宣传|法律宣传|法制宣传)…活动' },
      {
        name: 'law-into-places-activities',
        p: '(法律|普法|法治|宪法|民法典|送法)…进(乡村|农村|社区|校园|学校|企业|机关|单位|家庭|村|寺庙|万家|网格|市场|工地|军营|景区)…活动',
      },
      {
        name: 'law-into-places',
        p: '(法律|普法|法治|宪法|民法典|送法)…进(乡村|农村|社区|校园|学校|企业|机关|单位|家庭|村|寺庙|万家|网格|市场|工地|军营|景区)',
      },
      { name: 'law-delivery-activities', p: '送法…活动' },
      // 开展“宪法宣传周”“民法典宣传月”等主题活动36场次: the law is in the campaigns' names.
      { name: 'themed-activities', p: '主题(宣传)?活动', topic: LAW },
      {
        name: 'public-law-lectures',
        p: '(法治|法律|普法)(教育)?(讲座|课堂)',
        topic: `群众|居民|村民|宣传|普法|进村|进社区|进校园|进企业|进学校|青少年|学生|师生|${VILLAGE_ADVISER}`,
      },
      // The number before the events: 开展12场普法宣传活动; 组织8场法治宣讲、专题讲座等活动
      { name: 'n-publicity', p: '{n}(普法|法治|法律|法制|宪法|民法典)…(宣传|宣讲)' },
      // 开展15场普法活动; 组织6次送法下乡活动
      { name: 'n-publicity-activities', p: '{n}(普法|送法)…活动' },
      // Lessons on law for pupils and residents: 走进中学开展法治授课3场次
      {
        name: 'law-classes',
        p: '(法治|法律|普法)(授课|讲课|课)',
        topic: '校园|学校|中学|小学|学生|师生|群众|居民|村民|青少年',
      },
    ],
    examples: [
      ['开展普法活动25场', 25],
      ['各村全年共开展15场普法活动', 15],
      ['开展法治宣传活动90余次', 90, '>='],
      ['开展普法宣传进校园、进农村法律六进活动100余场次', 100, '>='],
      ['全年已组织各类法治宣讲10余场', 10, '>='],
      ['今年以来4个村居举办法治宣传12场次', 12],
      ['结合赶集日开展12场普法宣传活动', 12],
      ['走进中学开展法治授课3场次', 3],
    ],
  },
  'publicity.materials': {
    category: 'publicity',
    zh: '发放宣传资料数',
    en: 'Materials distributed',
    unit: '份',
    kind: 'count',
    units: ['份', '册', '本', '张', '件', '套'],
    rules: [
      { name: 'handed-out-materials', p: `${HAND_OUT}…(${MATERIALS}|物品)`, topic: LAW },
      // The number first: 发放2600余份宣传资料 (law named before), 发放300份普法资料
      { name: 'handed-out-n-materials', p: `${HAND_OUT}(各类)?{n}…(${MATERIALS})`, topic: LAW },
      {
        name: 'handed-out-n-law-materials',
        p: `${HAND_OUT}(各类)?{n}…(普法|法治|法律|宪法|民法典)…(${MATERIALS})`,
      },
    ],
    examples: [
      ['开展法治宣传活动90余次，发放宣传资料8000余册', 8000, '>='],
      ['发放《民法典》等法律书籍和宣传彩页，发放各类宣传材料20000余份', 20000, '>='],
      ['开展普法宣传，发放宣传资料1.5万份', 15000],
      ['开展宪法宣传周活动，现场发放2600余份宣传资料', 2600, '>='],
      ['赶集日在集市设点，现场发放300份普法资料', 300],
    ],
  },
  'publicity.people_reached': {
    category: 'publicity',
    zh: '覆盖群众人次',
    en: 'People reached',
    unit: '人次',
    kind: 'count',
    units: ['人次', '人', '名'],
    rules: [
      {
        name: 'reached-public',
        p: '(覆盖|惠及|受教育|教育)…(群众|居民|村民|人群|师生|学生)',
        topic: LAW,
      },
      { name: 'audience', p: '(受众|受教育|受益)(群众|人数|人员)?', topic: LAW },
      { name: 'participating-public', p: '参与(群众|村民|居民|人数)', topic: LAW },
      { name: 'public-participated', p: '(群众|村民|居民)参与', topic: LAW },
    ],
    examples: [
      ['开展集中法治宣传活动18次，覆盖群众3000余人次', 3000, '>='],
      ['普法宣传覆盖群众两万余人次', 20000, '>='],
    ],
  },

  'legal_service.consultations': {
    category: 'legal_service',
    zh: '法律咨询接待人次',
    en: 'Legal consultations received',
    unit: '人次',
    kind: 'count',
    units: ['人次', '人', '次', '件', '起', '宗'],
    rules: [
      {
        name: 'answered-consultations',
        p: '(接待|受理|提供|解答|接受|开展)…咨询(服务)?',
        topic: LAW,
      },
      { name: 'legal-consultations', p: '法律咨询(服务)?' },
      // 接受法律咨询群众1300余人次
      { name: 'consultations-by-public', p: '法律咨询(的)?(群众|居民|村民|人员)' },
    ],
    examples: [
      ['共计接待法律咨询700余人次', 700, '>='],
      ['开展法律六进活动，共接受咨询服务200余人次', 200, '>='],
    ],
  },
  'legal_service.services': {
    category: 'legal_service',
    zh: '提供法律服务次数',
    en: 'Legal services provided',
    unit: '次',
    kind: 'count',
    units: ['次', '件', '人次', '场'],
    // Public legal services: the government's own legal adviser's work is not this.
    // (村居 and 社区 legal advisers serving residents are public legal services.)
    rules: [
      {
        name: 'provided-legal-services',
        p: '(提供|开展)…法律服务',
        unless: '律师事务所|担任法律顾问|政府法律顾问|常年法律顾问',
      },
      // The number first: 为村民提供各类法律服务 → 提供30余次公共法律服务
      {
        name: 'provided-n-legal-services',
        p: '(提供|开展)(了)?{n}(次)?(公共|免费)?法律服务',
        unless: '律师事务所|担任法律顾问|政府法律顾问|常年法律顾问',
      },
    ],
    examples: [
      ['为群众提供法律服务46次', 46],
      ['为群众提供公共法律服务200余次', 200, '>='],
      ['工作站全年为村民提供30余次免费法律服务', 30, '>='],
    ],
  },
  'legal_service.stations': {
    category: 'legal_service',
    zh: '公共法律服务站(室)数',
    en: 'Public legal service stations',
    unit: '个',
    kind: 'count',
    units: ['个', '家', '所', '处'],
    rules: [
      { name: 'public-legal-service-stations', p: '公共法律服务(工作)?(站|室|中心|点|平台)' },
      { name: 'legal-service-stations', p: '法律服务(工作)?(站|室|中心|点)' },
      { name: 'n-public-legal-service-stations', p: '{n}…公共法律服务(工作)?(站|室|中心|点)' },
    ],
    examples: [
      ['规范化建设镇村两级公共法律服务工作站12个', 12],
      ['加强对镇公共法律服务工作站和36个公共法律服务工作室的规范化建设', 36],
    ],
  },

  'administration.disclosure_requests': {
    category: 'administration',
    zh: '政府信息公开申请数',
    en: 'Information disclosure requests',
    unit: '件',
    kind: 'count',
    units: ['件', '条', '个', '起'],
    rules: [
      { name: 'disclosure-requests', p: '(政府)?信息公开申请' },
      { name: 'disclosed-on-request', p: '依申请公开(政府信息|信息)?' },
    ],
    examples: [['全年共计收到政府信息公开申请15件', 15]],
    zero: ['政府信息公开申请', '信息公开申请', '依申请公开'],
  },
  'administration.proactive_disclosures': {
    category: 'administration',
    zh: '主动公开信息条数',
    en: 'Information proactively disclosed',
    unit: '条',
    kind: 'count',
    units: ['条', '件', '个', '项'],
    rules: [
      { name: 'proactively-disclosed', p: '主动公开(政府|政务)?(信息|文件)?' },
      { name: 'disclosed-government-information', p: '公开(政务|政府)信息' },
      // 公开各类政务信息累计487条
      { name: 'disclosed-then-government-information', p: '公开…(政务|政府)信息' },
      // 公开各类信息90余条 where the paragraph is about open government
      {
        name: 'disclosed-under-disclosure-heading',
        p: '公开(各类|各项|相关)?(信息|事项)',
        context: '政务公开|政府信息公开',
        unless: '依申请|申请公开',
      },
    ],
    examples: [
      ['全镇通过政务网站主动公开信息585条', 585],
      ['深化政务公开，在镇政府网站专栏公开各类信息214条', 214],
    ],
  },
  'administration.enforcement_reviews': {
    category: 'administration',
    zh: '重大执法决定法制审核数',
    en: 'Legal reviews of major enforcement decisions',
    unit: '件',
    kind: 'count',
    units: ['件', '个', '项', '次', '宗'],
    rules: [
      { name: 'legal-reviews', p: '法制审核' },
      { name: 'decisions-legally-reviewed', p: '(执法决定|处罚决定)…(法制|合法性)审核' },
      { name: 'n-decisions-legally-reviewed', p: '{n}…(执法决定|处罚决定)…(法制|合法性)审核' },
    ],
    examples: [['司法所共办理重大行政执法决定法制审核6件', 6]],
  },
  'administration.reconsiderations': {
    category: 'administration',
    zh: '行政复议案件数',
    en: 'Administrative reconsiderations',
    unit: '件',
    kind: 'count',
    units: CASES,
    rules: [{ name: 'reconsiderations', p: '行政复议(案件|申请)?' }],
    examples: [['办理行政复议6件', 6]],
    zero: ['行政复议'],
  },
  'administration.lawsuits': {
    category: 'administration',
    zh: '行政诉讼案件数',
    en: 'Administrative lawsuits',
    unit: '件',
    kind: 'count',
    units: CASES,
    rules: [
      { name: 'responded-to-lawsuits', p: '(行政)?应诉(案件)?' },
      { name: 'lawsuits', p: '行政诉讼(案件)?' },
    ],
    examples: [['行政应诉案件3件', 3]],
    zero: ['行政诉讼', '行政应诉'],
  },
  'administration.meetings_attended': {
    category: 'administration',
    zh: '司法所长列席会议次数',
    en: 'Meetings attended by the justice office head',
    unit: '次',
    kind: 'count',
    units: ['次', '场'],
    // The justice office head's: a legal adviser attending meetings is not this.
    rules: [
      {
        name: 'sat-in-on-meetings',
        p: '列席…(会议|党委会|联席会|办公会)',
        unless: '法律顾问|律师',
      },
      // 司法所参加镇党委会议15次
      {
        name: 'justice-office-attended-meetings',
        p: '(参与|参加)…(会议|党委会|联席会|办公会)',
        topic: '司法所',
        unless: '法律顾问|律师',
      },
    ],
    examples: [
      ['司法所长列席会议30次', 30],
      ['2023年度共计列席会议30次', 30],
      ['司法所参加镇党委会议15次', 15],
    ],
  },
  'administration.court_appearance_rate': {
    category: 'administration',
    zh: '行政机关负责人出庭应诉率',
    en: 'Officials appearing in court',
    unit: '%',
    kind: 'percent',
    units: NONE,
    rules: [{ name: 'court-appearance-rate', p: '出庭(应诉)?率' }],
    examples: [['负责人出庭应诉率100%', 100]],
  },

  'administration.normative_documents': {
    category: 'administration',
    zh: '制定规范性文件数',
    en: 'Normative documents issued',
    unit: '件',
    kind: 'count',
    units: ['件', '个', '份', '项'],
    rules: [
      { name: 'issued-normative-documents', p: '(制定|出台|印发|发布)…规范性文件' },
      { name: 'normative-documents', p: '规范性文件' },
    ],
    examples: [
      ['制定出台行政规范性文件2件', 2],
      ['全年印发规范性文件3件', 3],
    ],
    zero: ['规范性文件', '行政规范性文件'],
  },

  'enforcement.cases': {
    category: 'enforcement',
    zh: '行政执法案件数',
    en: 'Enforcement cases',
    unit: '件',
    kind: 'count',
    units: CASES,
    rules: [
      { name: 'filed-or-investigated-cases', p: '(立案|查处)…(案件|违法行为|违法|违规行为)' },
      { name: 'simple-or-ordinary-procedure', p: '(简易|一般|普通)程序(案件)?' },
      { name: 'penalty-cases', p: '(行政处罚|处罚|执法)案件' },
    ],
    examples: [
      ['立案查处违法案件390件', 390],
      ['办理简易程序案件8048起', 8048],
    ],
  },
  'enforcement.certified_officers': {
    category: 'enforcement',
    zh: '持证执法人员数',
    en: 'Certified enforcement officers',
    unit: '人',
    kind: 'count',
    units: ['人', '名', '位'],
    rules: [
      { name: 'hold-certificates', p: '(持有|持|取得|申领)…执法证(件)?(的)?(人员)?' },
      { name: 'certified-officers', p: '持证(执法)?人员' },
      { name: 'officers-n-certified', p: '执法人员{n}…持证' },
      // 现有执法人员19名，均持有行政执法证件
      { name: 'officers-n-hold-certificates', p: '执法人员{n}……(持有|持|取得)(行政)?执法证' },
      // The number first: 现有14名持证执法人员
      {
        name: 'n-certified-officers',
        p: '{n}(持证|持有执法证|持有执法证件|持有执法证的|持有执法证件的)(行政)?执法(人员|队员)',
      },
    ],
    examples: [
      ['持有行政执法证人员56人', 56],
      ['综合行政执法队现有14名持证执法人员', 14],
    ],
  },
  'enforcement.campaigns': {
    category: 'enforcement',
    zh: '专项执法行动次数',
    en: 'Enforcement campaigns',
    unit: '次',
    kind: 'count',
    units: ['次', '场', '轮', '项'],
    rules: [
      { name: 'special-campaigns', p: '专项…(执法|整治|检查)(行动|活动)?' },
      { name: 'joint-enforcement', p: '联合执法(行动|检查)?' },
      // “两违”整治专项行动6次
      { name: 'special-actions', p: '(执法|整治|治理)专项行动' },
    ],
    examples: [['开展专项执法行动12次', 12]],
  },
} as const satisfies Record<string, IndicatorSpec>;

export type IndicatorId = keyof typeof INDICATORS;

export const INDICATOR_IDS = Object.keys(INDICATORS) as IndicatorId[];

/**
 * Rates a report may leave unstated but derivable from two counts it states
 * together (成功调解207件 … 调解纠纷208件 → 99.5 %).
 */
export const DERIVATIONS: readonly Derivation<IndicatorId>[] = [
  { rate: 'mediation.success_rate', part: 'mediation.resolved', whole: 'mediation.cases' },
  { rate: 'petition.closure_rate', part: 'petition.closed', whole: 'petition.cases' },
];
