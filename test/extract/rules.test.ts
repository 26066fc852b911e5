import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  INDICATORS,
  INDICATOR_IDS,
  isIndicatorId,
  type IndicatorId,
} from '../../src/catalog';
import { extractReport } from '../helpers';
import {
  compileCatalog,
  compileRule,
  compileRules,
  holds,
  RuleSyntaxError,
} from '../../src/extract/rules';
import { foldForMatching } from '../../src/extract/text';

function mentionsOf(text: string): { indicator: IndicatorId; value: number; qualifier: string }[] {
  return extractReport('test', text).mentions.map((m) => ({
    indicator: m.indicator,
    value: m.value,
    qualifier: m.qualifier,
  }));
}

const examples = INDICATOR_IDS.flatMap((id) =>
  INDICATORS[id].examples.map(([phrase, value, qualifier]) => ({
    id,
    phrase,
    value,
    qualifier: qualifier ?? '=',
  })),
);

describe('catalog', () => {
  it('compiles every rule', () => {
    expect(compileCatalog().rules.length).toBeGreaterThan(INDICATOR_IDS.length);
  });

  it('gives every indicator at least one rule and one real example', () => {
    for (const id of INDICATOR_IDS) {
      expect(INDICATORS[id].rules.length, id).toBeGreaterThan(0);
      expect(INDICATORS[id].examples.length, id).toBeGreaterThan(0);
    }
  });

  it("names every rule once: its id is unique and not a word statement's", () => {
    const ids = compileCatalog().rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of INDICATOR_IDS) {
      for (const rule of INDICATORS[id].rules) {
        // A name says the phrasing it reads: lowercase words joined by hyphens,
        // starting with a letter, never a bare position ('3').
        expect(rule.name, id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
        expect(['zero', 'full'], id).not.toContain(rule.name);
      }
    }
  });

  it("keeps every other rule's id when a rule is inserted", () => {
    const id = 'mediation.success_rate';
    const rules = INDICATORS[id].rules;
    const before = compileRules(id, rules).map((r) => r.id);
    const inserted = { name: 'inserted-first', p: '新增规则' };
    for (const at of [0, 1, rules.length]) {
      const after = compileRules(id, [...rules.slice(0, at), inserted, ...rules.slice(at)]);
      expect(after.map((r) => r.id).filter((r) => r !== `${id}#inserted-first`)).toEqual(before);
    }
  });

  it('rejects malformed rules with a clear error', () => {
    expect(() => compileRule('mediation.cases', '1', '(调解|纠纷', 0)).toThrow(RuleSyntaxError);
    expect(() => compileRule('mediation.cases', '1', '调解)', 0)).toThrow(RuleSyntaxError);
    expect(() => compileRule('mediation.cases', '1', '{n}', 0)).toThrow(RuleSyntaxError);
    // A topic is plain words: a group in it would be matched literally, never.
    expect(() =>
      compileRule('publicity.events', '1', { p: '法治讲座', topic: '宣传|进(村|社区)' }, 0),
    ).toThrow(RuleSyntaxError);
  });
});

describe('every catalog example is extracted', () => {
  it.each(examples)('$id: $phrase', ({ id, phrase, value, qualifier }) => {
    expect(mentionsOf(phrase)).toContainEqual({ indicator: id, value, qualifier });
  });
});

const variants: readonly (readonly [string, IndicatorId, number])[] = [
  ['全年共受理调解各类纠纷56起', 'mediation.cases', 56],
  ['开展“宪法宣传周”“民法典宣传月”等主题活动36场次', 'publicity.events', 36],
  ['审核合同、协议等法律文书115份', 'legal_advisor.documents_reviewed', 115],
  ['开展“送法进村”活动五十二场，举办法治讲座十八场次', 'publicity.events', 18],
  ['全年无行政复议和行政诉讼案件。', 'administration.reconsiderations', 0],
  ['全年无行政复议和行政诉讼案件。', 'administration.lawsuits', 0],
  ['本年度未发生行政应诉案件，', 'administration.lawsuits', 0],
  ['组织参加学法用法考试，应考132人，实考130人，参考率98.5%', 'training.exam_takers', 130],
  ['开展法治宣传进社区活动96场，群众参与约2.3万人次', 'publicity.people_reached', 23000],
  ['全年共接待来访群众89批203人次，与去年相比下降15.2%', 'petition.visits_yoy', -15.2],
  ['召开党工委会议专题听取法治建设工作汇报2次', 'leadership.rule_of_law_meetings', 2],
  ['全年作出重大行政决策4项，均经合法性审查', 'legal_advisor.decisions', 4],
  ['开展青少年法治教育讲座12场', 'publicity.events', 12],
  ['组织执法人员法律知识培训4场，参训执法人员96人次', 'training.people', 96],
  ['开展法治宣传活动百余场', 'publicity.events', 100],
  ['发放法治宣传资料上千份', 'publicity.materials', 1000],
  ['法律顾问起草合同文本5份，代拟规范性文件2件', 'legal_advisor.documents_drafted', 5],
  ['法律顾问起草合同文本5份，代拟规范性文件2件', 'legal_advisor.documents_drafted', 2],
  ['开展“两违”整治专项行动6次', 'enforcement.campaigns', 6],
  ['制作调解协议书186份，其中口头协议66份', 'mediation.agreements', 66],
  ['乡村干部法治培训2期120人次', 'training.people', 120],
  ['乡村干部法治培训2期120人次', 'training.sessions', 2],
  [
    '把学习习近平法治思想纳入理论学习中心组学习计划，全年开展专题学习4次',
    'training.leadership_sessions',
    4,
  ],
  ['专题学习4次，举办“法治讲堂”2期，参训干部210人次', 'training.sessions', 2],
  ['重大行政决策事项9项，均经法律顾问合法性审查', 'legal_advisor.decisions', 9],
  ['12个社区法律顾问全年开展法律服务256次', 'legal_service.services', 256],
  ['全年通过镇政府门户网站公开各类政务信息累计487条', 'administration.proactive_disclosures', 487],
  ['现有执法人员19名，均持有行政执法证件', 'enforcement.certified_officers', 19],
  ['接受法律咨询群众1300余人次', 'legal_service.consultations', 1300],
  ['法律顾问为群众代写法律文书15份', 'legal_advisor.documents_drafted', 15],
  ['受理纠纷426件，调结420件，调结率98.6%', 'mediation.resolved', 420],
  ['受理纠纷426件，调结420件，调结率98.6%', 'mediation.success_rate', 98.6],
  ['全年受理初信初访事项134件，办结134件，按期办结率100%', 'petition.cases', 134],
  ['全年受理初信初访事项134件，办结130件，按期办结率97%', 'petition.closed', 130],
  ['全年受理初信初访事项134件，办结130件，按期办结率97%', 'petition.closure_rate', 97],
  ['法律顾问参与审查街道重大行政决策事项7项', 'legal_advisor.decisions', 7],
  ['19个行政村（社区）法律顾问实现全覆盖', 'legal_advisor.villages_covered', 19],
  ['司法所长全年列席党委会12次', 'administration.meetings_attended', 12],
  ['人民调解委员会共调处矛盾纠纷85件', 'mediation.cases', 85],
  ['成功化解矛盾纠纷80件', 'mediation.resolved', 80],
  ['调解成功率为98%', 'mediation.success_rate', 98],
  ['纠纷化解率达到百分之百', 'mediation.success_rate', 100],
  ['累计排查各类矛盾纠纷隐患120条', 'mediation.screened', 120],
  ['法律顾问全年审核合同及协议45份', 'legal_advisor.documents_reviewed', 45],
  ['法律顾问列席会议并提供法律意见书12份', 'legal_advisor.opinions', 12],
  ['开展领导干部集体学法12次', 'training.leadership_sessions', 12],
  ['举办法治培训班3期', 'training.sessions', 3],
  ['开展法律知识培训，培训村组干部300余人次', 'training.people', 300],
  ['全镇参学率达100%', 'training.exam_participation_rate', 100],
  ['学法考试合格率为98.6%', 'training.exam_pass_rate', 98.6],
  ['共受理信访事项45件，办结率100%', 'petition.closure_rate', 100],
  ['接待群众来访35批120人次', 'petition.visitors', 120],
  ['开展各类普法宣传活动36场次', 'publicity.events', 36],
  ['印发普法宣传手册3000余本', 'publicity.materials', 3000],
  ['普法宣传受教育群众5000余人次', 'publicity.people_reached', 5000],
  ['为群众解答法律咨询320人次', 'legal_service.consultations', 320],
  ['依申请公开政府信息3件', 'administration.disclosure_requests', 3],
  ['全年主动公开政府信息1,024条', 'administration.proactive_disclosures', 1024],
  ['行政机关负责人出庭应诉率达100%', 'administration.court_appearance_rate', 100],
  ['开展联合执法行动15次', 'enforcement.campaigns', 15],
  ['全年查处违法建设案件36起', 'enforcement.cases', 36],
  ['召开依法治镇领导小组会议2次', 'leadership.rule_of_law_meetings', 2],
  ['全年共排查调处各类矛盾纠纷326起', 'mediation.cases', 326],
  ['调处成功321起，调处成功率98.5%', 'mediation.resolved', 321],
  ['人民调解委员会受理纠纷53件，调解成功53件，成功率100%', 'mediation.success_rate', 100],
  ['矛盾纠纷调解成功率达98%以上', 'mediation.success_rate', 98],
  ['开展“法律进乡村”活动32场次', 'publicity.events', 32],
  ['开展普法宣传进村入户活动45次', 'publicity.events', 45],
  ['开展宪法宣传，发放宣传册5000余份', 'publicity.materials', 5000],
  ['发放法律明白纸3000多份', 'publicity.materials', 3000],
  ['提供法律咨询500余次', 'legal_service.consultations', 500],
  ['镇政府法律顾问全年审查合同45份，出具法律意见书30份', 'legal_advisor.opinions', 30],
  ['法律顾问参与处理信访案件6件', 'legal_advisor.cases', 6],
  ['审核规范性文件8件', 'legal_advisor.documents_reviewed', 8],
  ['开展合法性审查23件', 'legal_advisor.documents_reviewed', 23],
  ['审核把关重大行政决策5项', 'legal_advisor.decisions', 5],
  ['全年召开党委会研究法治工作3次', 'leadership.rule_of_law_meetings', 3],
  ['党委理论学习中心组开展法治专题学习4次', 'training.leadership_sessions', 4],
  ['全镇128名干部参加学法考试', 'training.exam_takers', 128],
  ['开展人民调解法律实务培训，培训人民调解员120人次', 'training.people', 120],
  ['全年组织法治培训6期，培训干部职工320人次', 'training.people', 320],
  ['全年共培育“法律明白人”236名', 'training.legal_literates', 236],
  ['受理群众来信来访42件次', 'petition.cases', 42],
  ['共接待群众来访58批次136人次', 'petition.visit_batches', 58],
  ['12345政务服务便民热线工单856件', 'petition.hotline', 856],
  ['全年办理行政复议案件2件，行政诉讼案件3件', 'administration.lawsuits', 3],
  ['政府信息公开申请0件', 'administration.disclosure_requests', 0],
  ['公开政务信息320条', 'administration.proactive_disclosures', 320],
  ['办理行政处罚案件156件', 'enforcement.cases', 156],
  ['全镇23个村（社区）实现法律顾问全覆盖', 'legal_advisor.villages_covered', 23],
  ['建成公共法律服务工作室23个', 'legal_service.stations', 23],
  ['法治宣传教育覆盖群众1.2万人次', 'publicity.people_reached', 12000],
  ['普法活动累计受益群众达3万余人次', 'publicity.people_reached', 30000],
  ['司法所长列席镇党委会、镇长办公会等会议22次', 'administration.meetings_attended', 22],
  ['全年召开会议专题研究法治建设工作5次', 'leadership.rule_of_law_meetings', 5],
  ['组织党工委理论学习中心组专题学习法律法规4次', 'training.leadership_sessions', 4],
  ['参与重大行政决策论证3项', 'legal_advisor.decisions', 3],
  ['乡党委书记全年主持召开法治建设专题会议2次', 'leadership.rule_of_law_meetings', 2],
  ['镇党委常委会先后4次专题研究部署法治政府建设工作', 'leadership.rule_of_law_meetings', 4],
  ['镇司法所对12项重大行政执法决定进行法制审核', 'administration.enforcement_reviews', 12],
  ['全镇行政执法人员42人全部持证上岗', 'enforcement.certified_officers', 42],
  ['全镇信访总量为98件（次）', 'petition.cases', 98],
  ['接待群众法律咨询1,230宗', 'legal_service.consultations', 1230],
  ['组织开展法治讲座12场次，参与群众800余人', 'publicity.people_reached', 800],
  ['建立村（社区）法律服务站15个', 'legal_service.stations', 15],
  ['政府常年法律顾问审查合同32份、规范性文件6件', 'legal_advisor.documents_reviewed', 6],
  ['信访事项45件，办结43件，办结率95.6%', 'petition.closed', 43],
  ['全年矛盾纠纷排查调处286件', 'mediation.cases', 286],
  ['收到行政复议申请2件', 'administration.reconsiderations', 2],
  ['街道人民调解委员会及13个社区调委会共受理各类纠纷289件', 'mediation.teams', 13],
  ['街道人民调解委员会及13个社区调委会共受理各类纠纷289件', 'mediation.cases', 289],
  ['12345政务服务便民热线交办工单2,316件', 'petition.hotline', 2316],
];

describe('phrasing variants beyond the examples', () => {
  it.each(variants)('%s → %s %d', (phrase, id, value) => {
    expect(mentionsOf(phrase).map((m) => [m.indicator, m.value])).toContainEqual([id, value]);
  });
});

describe('the nearest subject wins', () => {
  it('splits one sentence into its indicators', () => {
    expect(mentionsOf('今年共调解矛盾纠纷208件，成功调解207件，调解成功率99.5%。')).toEqual([
      { indicator: 'mediation.cases', value: 208, qualifier: '=' },
      { indicator: 'mediation.resolved', value: 207, qualifier: '=' },
      { indicator: 'mediation.success_rate', value: 99.5, qualifier: '=' },
    ]);
  });

  it('gives two indicators one shared phrase when the text lists them', () => {
    const report = extractReport('t', '组织49人参加学法考试，参考率、通过率均为100%。');
    const rates = report.mentions.filter((m) => m.unit === '%');
    expect(rates.map((m) => m.indicator).sort()).toEqual([
      'training.exam_participation_rate',
      'training.exam_pass_rate',
    ]);
    expect(new Set(rates.map((m) => `${m.start}-${m.end}`)).size).toBe(1);
    expect(report.text.slice(rates[0]?.start, rates[0]?.end)).toBe('参考率、通过率均为100%');
  });

  it('tells a legal adviser consultation from a public legal service one', () => {
    expect(mentionsOf('法律顾问解答法律咨询60余次。')[0]?.indicator).toBe(
      'legal_advisor.consultations',
    );
    expect(mentionsOf('公共法律服务站接待法律咨询700余人次。')[0]?.indicator).toBe(
      'legal_service.consultations',
    );
  });

  it('prefers the subject before the number to the one after it', () => {
    const report = extractReport('t', '全乡建成乡公共法律服务站1个，村公共法律服务室9个。');
    expect(report.mentions.map((m) => [m.value, report.text.slice(m.start, m.end)])).toEqual([
      [1, '公共法律服务站1个'],
      [9, '公共法律服务室9个'],
    ]);
  });

  it('counts mediation bodies as teams, not as cases', () => {
    expect(mentionsOf('建立矛盾纠纷调解委员会12个。')).toEqual([
      { indicator: 'mediation.teams', value: 12, qualifier: '=' },
    ]);
  });

  it('tells batches from visitors by the measure word', () => {
    expect(mentionsOf('接待来访群众231批566人次。').map((m) => m.indicator)).toEqual([
      'petition.visit_batches',
      'petition.visitors',
    ]);
  });
});

describe('context decides what a bare figure counts as', () => {
  it.each([
    [
      'a 专题会议 in a paragraph on rule-of-law work',
      '成立法治政府建设工作领导小组，压实责任。全年召开专题会议5次，研究解决难点问题。',
      'leadership.rule_of_law_meetings',
      5,
    ],
    [
      'a 专题学习 in a paragraph on law study',
      '将学法纳入党委会议议程，全年开展专题学习6次。',
      'training.leadership_sessions',
      6,
    ],
    [
      'cadres studying law are trained, not the leaders',
      '组织全镇村干部集中学习《民法典》等法律法规12次。',
      'training.sessions',
      12,
    ],
    [
      'the cadres named earlier in the sentence, the law in the clause',
      '组织机关干部开展周五夜学6次，专题学习新修订的法律法规3次。',
      'training.sessions',
      3,
    ],
  ])('%s', (_, text, indicator, value) => {
    expect(mentionsOf(text)).toContainEqual({ indicator, value, qualifier: '=' });
  });

  it.each([
    ['a 专题会议 on safety', '落实安全生产责任，全年召开专题会议5次，排查隐患。'],
    ['the leaders studying party rules', '党委会议专题学习党内法规制度建设3次。'],
    ['a party branch’s study meetings', '各基层党组织结合“三会一课”开展集中学习320场。'],
    ['a lecture for residents is publicity', '深入社区为居民举办法治讲座5场。'],
    ['cadres studying party rules', '组织机关干部开展周五夜学6次，集中学习党规党纪3次。'],
    ['cadres studying safety rules', '组织镇村干部集中学习安全生产知识4次。'],
  ])('%s is not a leadership or training figure', (_, text) => {
    const found = mentionsOf(text).map((m) => m.indicator);
    expect(
      found.filter((id) => id.startsWith('leadership.') || id.startsWith('training.')),
    ).toEqual([]);
  });
});

describe('the number before its noun, and what such words must not take', () => {
  it.each([
    ['与30个村（社区）签订安全生产责任书。', 'leadership.responsibility_letters'],
    ['开展了2次安全生产专题培训。', 'training.sessions'],
    ['发放3000余份防诈骗宣传资料。', 'publicity.materials'],
    ['组织5场消防安全活动。', 'publicity.events'],
    ['全镇现有12名持证上岗的网格员。', 'enforcement.certified_officers'],
    ['为企业提供20次政策咨询服务。', 'legal_service.services'],
    ['成功举办法治讲座3场，成功率100%。', 'mediation.resolved'],
  ])('%s gives no %s', (text, indicator) => {
    expect(mentionsOf(text).map((m) => m.indicator)).not.toContain(indicator);
  });
});

describe('coverage said in words', () => {
  it('reads 实现…全覆盖 of legal advisers as 100 %', () => {
    expect(mentionsOf('全镇8个村均聘请了法律顾问，实现村居法律顾问全覆盖。')).toContainEqual({
      indicator: 'legal_advisor.coverage_rate',
      value: 100,
      qualifier: '=',
    });
  });

  it.each([
    ['a goal', '力争年内实现村（社区）法律顾问全覆盖。'],
    ['work under way', '持续推进村（社区）法律顾问全覆盖。'],
    ['next year’s plan', '下一步，将实现法律顾问全覆盖。'],
    ['another subject’s coverage', '公共法律服务工作室实现全覆盖。'],
  ])('not from %s', (_, text) => {
    expect(mentionsOf(text).map((m) => m.indicator)).not.toContain('legal_advisor.coverage_rate');
  });
});

describe('open-government figures named by their paragraph', () => {
  it('takes 公开各类信息 in a paragraph on 政务公开, not an application', () => {
    const text = '(二)深化政务公开\n全年在政府网站公开各类信息126条，办理依申请公开信息3条。';
    expect(mentionsOf(text)).toContainEqual({
      indicator: 'administration.proactive_disclosures',
      value: 126,
      qualifier: '=',
    });
    expect(
      mentionsOf(text).filter((m) => m.indicator === 'administration.proactive_disclosures'),
    ).toHaveLength(1);
  });

  it('leaves 公开各类信息 elsewhere', () => {
    expect(mentionsOf('村务公开栏公开各类信息40条。').map((m) => m.indicator)).not.toContain(
      'administration.proactive_disclosures',
    );
  });
});

describe('stated zeros and the v2 indicators', () => {
  it.each([
    ['全年未制定行政规范性文件。', 'administration.normative_documents', 0],
    ['本年度镇政府未制定印发行政规范性文件。', 'administration.normative_documents', 0],
    ['本年度未收到政府信息公开申请，', 'administration.disclosure_requests', 0],
    ['全年无行政复议和行政诉讼案件。', 'administration.lawsuits', 0],
    ['与12个村签订法治建设责任书12份', 'leadership.responsibility_letters', 12],
    ['6名村党组织书记开展年度述法', 'leadership.law_reporting', 6],
  ])('%s', (text, indicator, value) => {
    expect(mentionsOf(text)).toContainEqual({ indicator, value, qualifier: '=' });
  });

  it.each([
    ['a goal', '力争全年未发生行政诉讼案件。'],
    ['a safety letter', '签订安全生产责任书30份。'],
    ['satisfaction with services, not petitions', '政务服务中心群众满意率达99%。'],
  ])('%s states nothing of these', (_, text) => {
    const v2 = [
      'administration.lawsuits',
      'leadership.responsibility_letters',
      'petition.satisfaction_rate',
    ];
    expect(mentionsOf(text).filter((m) => v2.includes(m.indicator))).toEqual([]);
  });
});

describe('parts listed for one figure', () => {
  it('sums the parts when the subject follows them all', () => {
    expect(mentionsOf('辖区12个行政村、3个社区均聘请了法律顾问。')).toContainEqual({
      indicator: 'legal_advisor.villages_covered',
      value: 15,
      qualifier: '=',
    });
  });

  it('sums parts each stated after its own subject, joined by 、', () => {
    expect(mentionsOf('建成镇公共法律服务工作站1个、村公共法律服务工作室16个。')).toEqual([
      { indicator: 'legal_service.stations', value: 17, qualifier: '=' },
    ]);
    expect(mentionsOf('开展普法活动25场、法治讲座12余场。')).toContainEqual({
      indicator: 'publicity.events',
      value: 37,
      qualifier: '>=',
    });
  });

  it('keeps apart parts in clauses of their own, in other units or in other sentences', () => {
    const values = (text: string) => mentionsOf(text).map((m) => m.value);
    expect(values('建成公共法律服务工作站1个，公共法律服务工作室16个。')).toEqual([1, 16]);
    expect(values('审查合同32份、规范性文件6件。')).toEqual([32, 6]);
    expect(values('建成公共法律服务工作站1个。公共法律服务工作室16个。')).toEqual([1, 16]);
  });
});

describe('figures that are not this year’s values', () => {
  it.each([
    [
      'plan section',
      '四、下一年度推进法治政府建设的主要安排\n全年开展普法活动30场，调解纠纷200件。',
    ],
    ['inline next step', '下一步，我镇将组织学法12次。'],
    ['quota', '确保每月集中学习交流不少于4次。'],
    ['quota per village', '建立每个村和社区不少于20人的治安巡逻队伍。'],
    [
      'document number',
      '制定了《红格镇2023年法治政府建设重点工作安排》（红格府发〔2023〕40号）文件。',
    ],
    ['law title', '学习《关于开展12次普法活动的通知》。'],
    ['quoted slogan', '落实“三个一百”宣讲，严格执行“三重一大”制度。'],
    ['date', '截止到2023年10月底，召开会议。'],
    ['size of the town', '镇调解委员会对辖区内36个居委会分块联系实行包干负责。'],
    ['money', '涉案金额44.47万元。'],
    ['a word, not a number', '把法、岗、事、人粘连在一起。'],
    ['a closure rate of hotline tickets, not petitions', '12345热线按时办结率100%。'],
    ['legal aid, not in the catalog', '办理法律援助案件12件。'],
    ['one village one adviser', '全面落实一村（社区）一法律顾问制度。'],
    ['a change of another subject', '来访工作扎实，调解纠纷同比下降10%。'],
    [
      'the size of the town',
      '全镇辖34个行政村、2个社区，常住人口5.6万人，地区生产总值48.7亿元，同比增长6.2%。',
    ],
    ['mediators, not mediations', '配备专兼职调解员108名。'],
    [
      'safety publicity, not legal publicity',
      '开展安全生产宣传活动20场，发放安全宣传资料2000份，惠及群众5000人。',
    ],
    ['policy consultations', '接待群众政策咨询200人次。'],
    ['a change of all petitions, not of visits', '信访总量同比下降12%。'],
    ['meetings a legal adviser attended', '法律顾问全年列席乡党委会、政府常务会议9次。'],
    ['documents written for residents', '公共法律服务室全年代写法律文书34份。'],
    [
      'the legal adviser’s services to the government',
      '街道聘请律师事务所担任法律顾问，全年提供法律服务236次。',
    ],
    ['no lost lawsuits is not no lawsuits', '全年无行政诉讼败诉案件。'],
    ['no reconsideration as a goal', '力争全年无行政复议案件。'],
    ['no lawsuits as a plan', '下一步，确保无行政诉讼案件发生。'],
    ['a safety campaign, not legal publicity', '开展“安全生产月”主题活动10场。'],
    [
      'safety training, not law training',
      '开展应急演练12场次，培训企业负责人和安全管理人员560人次。',
    ],
  ])('%s', (_, text) => {
    expect(mentionsOf(text)).toEqual([]);
  });

  it('lists every number no rule claimed, with the reason', () => {
    const report = extractReport('t', '四、下一步工作计划\n开展普法活动30场。');
    expect(report.mentions).toEqual([]);
    expect(report.unused.map((u) => [u.value, u.reason])).toEqual([[30, 'plan']]);
  });

  it('leaves a rate over 100% unused: no rate can be it', () => {
    const report = extractReport('t', '全年调解矛盾纠纷208件，调解成功率105%。');
    expect(report.mentions.map((m) => [m.indicator, m.value])).toEqual([['mediation.cases', 208]]);
    expect(report.unused.map((u) => [u.value, u.reason])).toEqual([[105, 'out_of_range']]);
  });

  it('keeps figures of sections after a plan that sits in the middle', () => {
    const text = [
      '一、主要举措',
      '开展普法活动25场。',
      '二、下一步工作计划',
      '开展普法活动30场。',
      '三、存在问题',
      '调解矛盾纠纷12件。',
    ].join('\n');
    expect(mentionsOf(text).map((m) => m.value)).toEqual([25, 12]);
  });
});

describe('period bounds', () => {
  it('records 截至 on the mention', () => {
    const report = extractReport('t', '截止到2023年10月底，人民调解化解矛盾纠纷474件。');
    expect(report.mentions[0]?.period).toBe('截止到2023年10月底');
  });

  it.each([
    ['今年1-10月，共调解矛盾纠纷80件。', '1-10月'],
    ['上半年共调解矛盾纠纷40件。', '上半年'],
    ['全年共调解矛盾纠纷80件。', ''],
  ])('%s → %j', (text, period) => {
    expect(extractReport('t', text).mentions[0]?.period).toBe(period);
  });
});

describe('categories', () => {
  it('head each card with an indicator of their own category', () => {
    for (const [id, category] of Object.entries(CATEGORIES)) {
      expect(isIndicatorId(category.headline), category.headline).toBe(true);
      if (isIndicatorId(category.headline)) {
        expect(INDICATORS[category.headline].category).toBe(id);
      }
    }
  });
});

describe('a rule is tried only where the text before the number holds its words', () => {
  it('needs every run of words and every group that is not optional, the longest first', () => {
    const rule = compileRule('mediation.cases', 'x', '研究…法治(政府建设|建设)?(工作)?会议{n}', 0);
    expect(rule.leftNeeds).toEqual([['研究'], ['法治'], ['会议']]);
    const grouped = compileRule('mediation.cases', 'x', '(调解|化解)矛盾纠纷……{n}件', 0);
    expect(grouped.leftNeeds).toEqual([['矛盾纠纷'], ['调解', '化解']]);
    expect(holds('全年调解各类矛盾纠纷', grouped.leftNeeds)).toBe(true);
    expect(holds('全年排查矛盾纠纷', grouped.leftNeeds)).toBe(false);
    expect(compileRule('mediation.cases', 'x', '{n}件纠纷', 0).leftNeeds).toEqual([]);
  });

  // Every rule against every text before a number that the catalog's examples
  // and the variants below write: a rule whose pattern matches such a text holds
  // its needs, and the index lists it under a character of that text.
  const windows = [...new Set([...examples.map((e) => e.phrase), ...variants.map(([p]) => p)])]
    .map(foldForMatching)
    .flatMap((text) => Array.from({ length: text.length }, (_, end) => text.slice(0, end + 1)));

  it('so no rule that reads a text is left out', () => {
    const catalog = compileCatalog();
    let matched = 0;
    for (const rule of catalog.rules) {
      if (rule.left === null) continue;
      for (const window of windows) {
        for (let start = 0; start < window.length; start++) {
          const text = window.slice(start);
          if (!rule.left.test(text)) continue;
          matched++;
          expect(holds(text, rule.leftNeeds), `${rule.id} in ${text}`).toBe(true);
          const slots = [...text].map((c) => catalog.charSlots.slotAt(c, 0));
          const units =
            rule.kind === 'percent' ? ['%'] : rule.kind === 'change' ? ['change'] : [...rule.units];
          for (const unit of units) {
            const index = catalog.byUnit.get(unit);
            const listed =
              index?.always.includes(rule) === true ||
              slots.some((slot) => slot >= 0 && index?.bySlot[slot]?.includes(rule) === true);
            expect(listed, `${rule.id} (${unit}) in ${text}`).toBe(true);
          }
        }
      }
    }
    expect(matched).toBeGreaterThan(catalog.rules.length);
  });
});
