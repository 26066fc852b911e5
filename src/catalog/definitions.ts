/**
 * What each indicator counts and how (its 口径), in Chinese and English: the
 * value semantics of the catalog's spec (shared/spec/indicators.md) once per
 * kind of number, and each indicator's own definition and counting notes.
 * Apart from catalog.ts so that the code before the page's first chart does
 * not carry it: the ⓘ beside an indicator's name loads it when opened.
 *
 * May import: nothing outside src/catalog.
 */
import type { IndicatorId } from './catalog';
import type { IndicatorKind, Wording } from './types';

export interface IndicatorDefinition {
  /** What the figure counts. */
  readonly definition: Wording;
  /** How this indicator is counted beyond what its kind says (KIND_COUNTING). */
  readonly counting?: Wording;
}

/** The counting rule (口径) every indicator of a kind follows. */
export const KIND_COUNTING: Readonly<Record<IndicatorKind, Wording>> = {
  count: {
    zh: '报告所述年度的合计数。写“余”“多”“以上”的记为不少于该数（≥），写“约”“近”的记为约数（≈）；写“截至”某日的照录并注明期限；分项列出的取各项之和（∑）。报告写明“未发生”“无”的记为0；报告未提及的记为未报告，不计为0。',
    en: 'The total for the year the report covers. 190余 / 多 / 以上 is kept as “at least” (≥), 约 / 近 as approximate (≈); a figure bounded by 截至 keeps its date; a figure listed in parts is their sum (∑). A report saying none happened (未发生, 无) states 0; a figure the report does not state is not reported, never 0.',
  },
  percent: {
    zh: '百分比，0–100（99.5 即 99.5%）；“百分之百”记为100%。报告未提及的记为未报告，不计为0。',
    en: 'A percentage from 0 to 100 (99.5 means 99.5 %); 百分之百 is 100 %. A figure the report does not state is not reported, never 0.',
  },
  change: {
    zh: '较上年的同比变化，以带正负号的百分比记录：同比下降17.20%记为 −17.2%。报告未提及的记为未报告。',
    en: 'The change from the year before as a signed percentage: 同比下降17.20% (down 17.20 %) is −17.2 %. A figure the report does not state is not reported.',
  },
};

/** Computed from its parts when the report states the two shown, exactly, in one sentence, not the rate. */
const DERIVED_RATE = (partZh: string, wholeZh: string, partEn: string, wholeEn: string) => ({
  zh: `报告未写明比率、但在同一句中写明所采用的${partZh}与${wholeZh}的确切数字的，由二者计算（∑）：只用这两个数字，不用其中一部分的数字或同一乡镇同年另一份报告的其他数字；其中一个是约数或上下限（“约”“余”“以上”“不足”等）的不计算；人工更正了其中一个数字的，或改为约数、上下限的，不再计算。`,
  en: `When the report does not state the rate but states, in one sentence, the exact numbers of ${partEn} and ${wholeEn} that are shown, it is computed from them (∑): never from other numbers (a part's, or another report's of the same town and year), not when either is an estimate or a bound (约, 余, 以上, 不足 …), and not once an evaluator changes either or corrects it to an estimate or a bound.`,
});

export const DEFINITIONS: Readonly<Record<IndicatorId, IndicatorDefinition>> = {
  'leadership.rule_of_law_meetings': {
    definition: {
      zh: '乡镇党委（党工委）、政府召开的专题研究或部署法治建设工作的会议次数，如党委会专题研究法治建设、法治建设推进会。',
      en: 'Meetings of the town’s Party committee or government held to study or plan rule-of-law work, such as a Party committee session on it.',
    },
  },
  'leadership.responsibility_letters': {
    definition: {
      zh: '乡镇与村（社区）、部门签订的法治建设责任书份数。',
      en: 'Rule-of-law responsibility letters the town signed with its villages, communities or departments.',
    },
    counting: {
      zh: '与几个村（社区）签订即按几份计；安全生产等其他责任书不计。',
      en: 'One letter per signatory; safety and other letters do not count.',
    },
  },
  'leadership.law_reporting': {
    definition: {
      zh: '开展年度述法（就履行推进法治建设职责作述职）的人数，如村（社区）党组织书记述法。',
      en: 'People who reported on how they carried out their rule-of-law duties (述法), such as village Party secretaries.',
    },
  },
  'mediation.cases': {
    definition: {
      zh: '全年调解（含人民调解）的矛盾纠纷件数。',
      en: 'Disputes mediated in the year, people’s mediation included.',
    },
  },
  'mediation.resolved': {
    definition: {
      zh: '调解成功或已化解的矛盾纠纷件数。',
      en: 'Disputes mediated successfully or resolved.',
    },
  },
  'mediation.success_rate': {
    definition: {
      zh: '调解成功（化解）的纠纷占调解纠纷总数的比例（调解成功率、化解率）。',
      en: 'The share of mediated disputes that were resolved (success or resolution rate).',
    },
    counting: DERIVED_RATE('调解成功数', '调解纠纷数', 'the disputes resolved', 'mediated'),
  },
  'mediation.screened': {
    definition: {
      zh: '排查（摸排）出的矛盾纠纷、隐患或风险件数。',
      en: 'Disputes, hidden conflicts and risks found in screening (排查).',
    },
  },
  'mediation.agreements': {
    definition: {
      zh: '制作的调解协议件数，书面与口头协议均计。',
      en: 'Mediation agreements made, written and oral.',
    },
  },
  'mediation.teams': {
    definition: {
      zh: '调解委员会、调解工作室、调解队伍等调解组织的个数。',
      en: 'Mediation committees, rooms and teams in place.',
    },
  },
  'legal_advisor.documents_reviewed': {
    definition: {
      zh: '法律顾问审查、审核的政府文件与合同件数。',
      en: 'Government documents and contracts the legal adviser reviewed.',
    },
  },
  'legal_advisor.documents_drafted': {
    definition: {
      zh: '法律顾问为政府起草、代拟的文件与合同件数。',
      en: 'Documents and contracts the legal adviser drafted for the government.',
    },
  },
  'legal_advisor.cases': {
    definition: {
      zh: '法律顾问代理或参与的诉讼、信访、调解等案件件数。',
      en: 'Lawsuits, petitions and mediations the legal adviser represented the town in or took part in.',
    },
  },
  'legal_advisor.consultations': {
    definition: {
      zh: '法律顾问为政府及干部解答法律咨询的次数。',
      en: 'Legal questions the adviser answered for the government and its officials.',
    },
  },
  'legal_advisor.opinions': {
    definition: {
      zh: '法律顾问出具的法律意见书、提出的法律建议条数。',
      en: 'Legal opinions and recommendations the adviser gave.',
    },
  },
  'legal_advisor.decisions': {
    definition: {
      zh: '法律顾问参与的重大行政决策及经合法性审查的决策项数。',
      en: 'Major administrative decisions the adviser took part in or whose legality was reviewed.',
    },
  },
  'legal_advisor.villages_covered': {
    definition: {
      zh: '聘请或配备法律顾问的村（社区）个数。',
      en: 'Villages and communities that have a legal adviser.',
    },
  },
  'legal_advisor.count': {
    definition: {
      zh: '乡镇政府聘请的法律顾问（含律师）人数。',
      en: 'Legal advisers, lawyers included, the town government retains.',
    },
  },
  'legal_advisor.coverage_rate': {
    definition: {
      zh: '配备法律顾问的村（社区）占全部村（社区）的比例。',
      en: 'The share of villages and communities that have a legal adviser.',
    },
    counting: {
      zh: '报告写“一村（社区）一法律顾问实现全覆盖”的记为100%。',
      en: 'One adviser per village reported as full coverage (全覆盖) counts as 100 %.',
    },
  },
  'training.leadership_sessions': {
    definition: {
      zh: '党委（党工委）理论学习中心组、领导班子集体学法的次数，含会前学法。',
      en: 'Law-study sessions of the leadership or the Party committee’s study group, study before meetings included.',
    },
    counting: {
      zh: '学习党内法规不计。',
      en: 'Studying Party rules does not count.',
    },
  },
  'training.sessions': {
    definition: {
      zh: '面向干部、执法人员举办的法治培训、讲座、培训班场次。',
      en: 'Law training sessions, lectures and classes for officials and enforcement staff.',
    },
    counting: {
      zh: '面向群众的普法宣讲计入普法宣传活动，不计入此项。',
      en: 'Talks for residents count as publicity events, not here.',
    },
  },
  'training.people': {
    definition: {
      zh: '参加法治培训的干部人数。',
      en: 'Officials who took part in law training.',
    },
    counting: {
      zh: '报告写人数或人次的均按所写计入。',
      en: 'Counted as written, in people or person-times.',
    },
  },
  'training.exam_takers': {
    definition: {
      zh: '参加学法用法考试的人数。',
      en: 'People who sat the law study exam.',
    },
  },
  'training.exam_participation_rate': {
    definition: {
      zh: '应参加学法（考试）的人员中实际参加的比例（参学率、参考率）。',
      en: 'The share of those due to study for or sit the law exam who did.',
    },
  },
  'training.exam_pass_rate': {
    definition: {
      zh: '学法考试的通过率、及格率或合格率。',
      en: 'The share of exam takers who passed the law exam.',
    },
  },
  'training.legal_literates': {
    definition: {
      zh: '培养的“法律明白人”、法治带头人人数。',
      en: 'Community legal literates (法律明白人) and rule-of-law leaders trained.',
    },
  },
  'training.coverage_rate': {
    definition: {
      zh: '干部学法培训的覆盖率或参训率。',
      en: 'The share of officials covered by law training.',
    },
  },
  'petition.cases': {
    definition: {
      zh: '办理的信访件数。',
      en: 'Petitions (信访) handled.',
    },
  },
  'petition.closed': {
    definition: {
      zh: '已办结的信访件数。',
      en: 'Petitions closed.',
    },
  },
  'petition.closure_rate': {
    definition: {
      zh: '已办结的信访件占信访件数的比例。',
      en: 'The share of petitions closed.',
    },
    counting: DERIVED_RATE('办结数', '信访件数', 'the petitions closed', 'handled'),
  },
  'petition.visit_batches': {
    definition: {
      zh: '接待群众来访的批次。',
      en: 'Petition visits received, counted in groups (批).',
    },
  },
  'petition.visitors': {
    definition: {
      zh: '接待来访群众的人次。',
      en: 'Petition visitors received, in person-times.',
    },
  },
  'petition.visits_yoy': {
    definition: {
      zh: '来访量较上年的同比变化，以报告所述为准。',
      en: 'The change in petition visits from the year before, as the report states it.',
    },
  },
  'petition.hotline': {
    definition: {
      zh: '办理的12345热线、网络留言等群众诉求件数。',
      en: 'Requests from the 12345 hotline and online channels handled.',
    },
  },
  'petition.satisfaction_rate': {
    definition: {
      zh: '群众对信访或诉求办理的满意率。',
      en: 'The share of petitioners satisfied with how their petition or request was handled.',
    },
  },
  'publicity.events': {
    definition: {
      zh: '开展普法宣传、法治宣讲、“法律六进”等活动的场次。',
      en: 'Legal publicity events, talks and outreach held.',
    },
  },
  'publicity.materials': {
    definition: {
      zh: '发放的普法宣传资料、手册等份数。',
      en: 'Copies of legal publicity material handed out.',
    },
  },
  'publicity.people_reached': {
    definition: {
      zh: '普法宣传活动覆盖的群众人次。',
      en: 'Residents reached by legal publicity, in person-times.',
    },
  },
  'legal_service.consultations': {
    definition: {
      zh: '公共法律服务接待群众法律咨询的人次。',
      en: 'Residents’ legal consultations received by public legal services, in person-times.',
    },
  },
  'legal_service.services': {
    definition: {
      zh: '为群众提供公共法律服务的次数。',
      en: 'Public legal services provided to residents.',
    },
  },
  'legal_service.stations': {
    definition: {
      zh: '镇、村两级公共法律服务工作站（室）的个数。',
      en: 'Public legal service stations and rooms in the town and its villages.',
    },
  },
  'administration.disclosure_requests': {
    definition: {
      zh: '收到的政府信息公开申请件数。',
      en: 'Requests for government information received.',
    },
  },
  'administration.proactive_disclosures': {
    definition: {
      zh: '主动公开的政府信息条数。',
      en: 'Items of government information published proactively.',
    },
  },
  'administration.enforcement_reviews': {
    definition: {
      zh: '对重大行政执法决定进行法制审核的件数。',
      en: 'Major enforcement decisions that went through legal review.',
    },
  },
  'administration.reconsiderations': {
    definition: {
      zh: '办理的行政复议案件件数。',
      en: 'Administrative reconsideration cases handled.',
    },
  },
  'administration.lawsuits': {
    definition: {
      zh: '乡镇政府作为被告应诉的行政诉讼案件件数。',
      en: 'Administrative lawsuits in which the town government was the defendant.',
    },
  },
  'administration.meetings_attended': {
    definition: {
      zh: '司法所长列席乡镇党委、政府会议的次数。',
      en: 'Meetings of the town’s Party committee or government that the head of the justice office attended.',
    },
  },
  'administration.court_appearance_rate': {
    definition: {
      zh: '行政诉讼中行政机关负责人出庭应诉的比例。',
      en: 'The share of administrative lawsuits in which a responsible official appeared in court.',
    },
  },
  'administration.normative_documents': {
    definition: {
      zh: '乡镇制定出台的行政规范性文件件数。',
      en: 'Normative administrative documents the town issued.',
    },
    counting: {
      zh: '报告写“全年未制定规范性文件”的记为0。',
      en: 'A report saying none were issued (未制定规范性文件) states 0.',
    },
  },
  'enforcement.cases': {
    definition: {
      zh: '立案查处、办理的行政执法案件件数，含简易程序案件。',
      en: 'Administrative enforcement cases opened or handled, summary procedure included.',
    },
  },
  'enforcement.certified_officers': {
    definition: {
      zh: '持有行政执法证的人员数。',
      en: 'Staff holding an enforcement certificate.',
    },
  },
  'enforcement.campaigns': {
    definition: {
      zh: '开展专项执法行动的次数。',
      en: 'Special enforcement campaigns carried out.',
    },
  },
};
