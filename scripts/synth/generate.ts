/**
 * Synthetic report texts for benchmarks and scale tests. They recombine the
 * phrasing families of real reports with random figures; every text starts
 * with a line saying it is synthetic, and file names start with `synthetic-`,
 * so they are never mistaken for real data. Deterministic for a given seed.
 */

export type Random = () => number;

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Random, min: number, max: number): number =>
  min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

export const SYNTHETIC_MARKER = '（合成测试数据，非真实报告 SYNTHETIC TEST DATA）';

const SYLLABLES = [...'东西南北上下新老青白红金银龙凤安平和顺兴隆福寿长乐永丰宁康河湖山泉石桥林溪'];

export function townName(r: Random): string {
  return `${pick(r, SYLLABLES)}${pick(r, SYLLABLES)}${pick(r, ['镇', '镇', '镇', '乡', '街道'])}`;
}

export function countyName(r: Random): string {
  return `${pick(r, SYLLABLES)}${pick(r, SYLLABLES)}${pick(r, ['县', '区'])}`;
}

/** Figures one town states in one year; shared by all its phrasings. */
interface Figures {
  readonly cases: number;
  readonly resolved: number;
  readonly events: number;
  readonly materials: number;
  readonly people: number;
  readonly petitions: number;
  readonly closed: number;
  readonly batches: number;
  readonly visitors: number;
}

type Template = (r: Random, f: Figures) => string;

/** Phrasing families of real reports, with the figures left open. */
const TEMPLATES: readonly Template[] = [
  (r, f) =>
    `今年共调解矛盾纠纷${f.cases}件，成功调解${f.resolved}件，调解成功率${((f.resolved / f.cases) * 100).toFixed(1)}%。`,
  (r, f) =>
    `全年人民调解化解矛盾纠纷${f.cases}件，矛盾纠纷化解率${pick(r, ['100%', '98.5%', '99%'])}。`,
  (r, f) =>
    `累计解决各项纠纷${f.cases}余起，排查出矛盾隐患${int(r, 20, 200)}件，已化解${f.resolved}件。`,
  (r) => `成立基层纠纷调解队伍${int(r, 5, 40)}支，制作调解协议书${int(r, 50, 400)}件。`,
  (r) =>
    `年内法律顾问为政府审查文件${int(r, 20, 200)}件，起草文件${int(r, 5, 40)}件，代理案件${int(r, 1, 12)}件，咨询答复问题${int(r, 5, 60)}次。`,
  (r) =>
    `法律顾问参与重大行政决策${int(r, 2, 20)}次，提供法律专业意见${int(r, 10, 80)}余件，审查合同${int(r, 10, 90)}余份。`,
  (r) => `推动全镇${int(r, 8, 40)}个村（社区）建立法律顾问制度，聘请两名律师担任常年法律顾问。`,
  (r) => `累计组织学法${int(r, 4, 24)}次，会前学法${int(r, 6, 30)}次。`,
  (r, f) => `组织法治集中培训${int(r, 2, 12)}次，累计培训${f.people}人次。`,
  (r) => `组织${int(r, 30, 120)}人参加学法用法在线考试，参考率、通过率均为100%。`,
  (r) => `培养法治带头人和法律明白人共计${int(r, 40, 300)}人。`,
  (r, f) =>
    `全年共办理信访件${f.petitions}件，其中${f.closed}件已办结，办结率达${((f.closed / f.petitions) * 100).toFixed(2)}%。`,
  (r, f) =>
    `累计接待来访群众${f.batches}批${f.visitors}人次，同比${pick(r, ['下降', '上升'])}${(r() * 30).toFixed(2)}%。`,
  (r) => `办理群众通过12345热线及信访渠道诉求${int(r, 300, 3000)}余件。`,
  (r, f) =>
    `开展普法宣传活动${f.events}场次，发放宣传资料${f.materials}余份，覆盖群众${int(r, 2, 9)}000余人次。`,
  (r) => `开展法律六进活动${int(r, 20, 150)}余场次，接待法律咨询${int(r, 100, 900)}余人次。`,
  (r) => `为群众提供法律服务${int(r, 20, 300)}次，规范化建设公共法律服务工作站${int(r, 4, 30)}个。`,
  (r) => `全年共计收到政府信息公开申请${int(r, 0, 30)}件，主动公开信息${int(r, 100, 900)}条。`,
  (r) => `办理重大行政执法决定法制审核${int(r, 1, 20)}件，办理行政复议${int(r, 0, 9)}件。`,
  (r) => `司法所长列席会议${int(r, 6, 40)}次，行政机关负责人出庭应诉率100%。`,
  (r) =>
    `立案查处违法案件${int(r, 20, 500)}件，开展专项执法行动${int(r, 2, 20)}次，持有行政执法证人员${int(r, 10, 80)}人。`,
  (r) => `召开党委会专题研究法治建设${int(r, 2, 8)}次。`,
];

/** How common each family above is across reports (1 = in every report that shares any). */
const TEMPLATE_WEIGHTS: readonly number[] = [
  1, 0.9, 0.8, 0.5, 0.7, 0.6, 0.5, 0.8, 0.8, 0.6, 0.5, 0.7, 0.6, 0.5, 0.9, 0.5, 0.6, 0.3, 0.3, 0.3,
  0.25, 0.15,
];

/** Prose without figures, as most of a real report is. */
const PROSE: readonly string[] = [
  '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，严格履行推进法治建设第一责任人职责。',
  '健全重大行政决策程序制度，规范重大行政决策程序，明确决策主体、事项范围、法定程序、法律责任。',
  '坚持和发展新时代“枫桥经验”，在源头治理上下功夫，形成一体化矛盾纠纷多元化解工作体系。',
  '严格执行行政执法公示制度，全面推行执法全过程记录制度，落实重大执法决定法制审核制度。',
  '结合“八五”普法，利用宣传栏、村村响广播、微信公众号等多种形式开展法治宣传，营造全民学法守法用法浓厚氛围。',
  '完善政务公开制度，及时更新党务、政务公开公示内容，不断增强工作透明度和参与度。',
  '加强基层法治队伍建设，调动群众积极参与基层法治建设，有效推进基层治理法治化。',
  '部分工作人员对法治政府建设的必要性和紧迫性认识不足，法治学习主动性、自觉性不够。',
];

const PLAN: readonly string[] = [
  '全年专题学习习近平法治思想不少于4次，着力提高领导干部运用法治思维和法治方式的能力。',
  '确保每个村（社区）每年开展法治宣传活动不少于6场，建立每个村不少于20人的法律明白人队伍。',
  '加强法治宣传阵地建设，为群众提供方便的学法场所和快捷的公益性法律信息服务。',
];

export interface SyntheticReport {
  readonly town: string;
  readonly county: string;
  readonly year: number;
  readonly text: string;
}

/**
 * One report of about `targetChars` characters (12 KB of UTF-8 is about 4,000
 * Chinese characters). `share` (0–1) is how many phrasing families it uses:
 * real towns state some figures and not others.
 */
export function generateReport(
  r: Random,
  town: string,
  county: string,
  year: number,
  targetChars = 4400,
  share = 0.7,
): SyntheticReport {
  const cases = int(r, 40, 900);
  const petitions = int(r, 10, 200);
  const batches = int(r, 20, 400);
  const figures: Figures = {
    cases,
    resolved: cases - int(r, 0, Math.min(10, cases)),
    events: int(r, 5, 120),
    materials: int(r, 500, 20000),
    people: int(r, 50, 900),
    petitions,
    closed: petitions - int(r, 0, Math.min(8, petitions)),
    batches,
    visitors: batches * int(r, 1, 4),
  };
  const lines: string[] = [
    SYNTHETIC_MARKER,
    `${town}人民政府`,
    `关于${year}年法治政府建设情况的报告`,
    '',
    `${county}委、${county}政府：`,
    `${year}年，${town}坚持依法行政，全面推进法治政府建设。现将有关情况报告如下：`,
    `一、${year}年度推进法治政府建设的主要举措和成效`,
  ];
  // Core families (mediation, petitions, publicity) appear in most reports,
  // others (enforcement, disclosure, leadership meetings) in few.
  const chosen = TEMPLATES.filter((_, i) => r() < share * (TEMPLATE_WEIGHTS[i] ?? 0.5));
  let section = 0;
  const sectionNames = ['一', '二', '三', '四', '五', '六'];
  let length = lines.join('\n').length;
  const budget = targetChars - 600;
  for (let i = 0; i < chosen.length || length < budget; i++) {
    if (i % 4 === 0) {
      const heading = `（${sectionNames[section % sectionNames.length] ?? '一'}）${pick(r, ['强化组织领导', '推进依法行政', '化解矛盾纠纷', '深化普法宣传', '完善法律服务'])}`;
      lines.push(heading);
      section++;
    }
    const template = chosen[i];
    let paragraph = `${pick(r, PROSE)}${pick(r, PROSE)}`;
    if (template !== undefined) paragraph += template(r, figures);
    lines.push(paragraph);
    length += paragraph.length + 1;
    if (i > 200) break;
  }
  lines.push(`二、${year}年度推进法治政府建设存在的不足和原因`, pick(r, PROSE));
  lines.push(`三、${year + 1}年度推进法治政府建设的主要安排`, ...PLAN);
  lines.push(`${town}人民政府`, `${year + 1}年${int(r, 1, 3)}月${int(r, 1, 28)}日`);
  return { town, county, year, text: `${lines.join('\n')}\n` };
}
