/**
 * Place names as a report writes them: where a name of the registry ends in
 * the text, where a name of the text's own begins (grown leftwards from its
 * suffix while the longer string occurs about as often), and how much each
 * occurrence weighs (a title or signature, a following 人民政府). places.ts
 * decides with the registry what they name.
 */
import { ENDING_CHARS, gazetteer, PROVINCES, type NameEndings } from './gazetteer';
import { CharSlots } from './text';

const HAN = /[\u4e00-\u9fff]/;

/** Characters that never sit inside a place name before its suffix. */
const NAME_STOP = new Set([...'全我本各该驻乡镇市县区省的和与在对是为将了及等并撤治于每按照']);

/** Of those, the ones a name may directly follow (在北城街街道, 和平镇的…): words, not parts of names. */
const WORD_BEFORE = new Set([...'的和与在对是为将了及等并于按照由向从经'].concat(['中共', '关于']));

/** Generic words that end in a place suffix but name no place. */
const GENERIC_ENDINGS =
  /(?:社区|小区|园区|城区|辖区|片区|景区|街区|山区|试验区|示范区|开发区|保护区|功能区|实验区|管理区|服务区|风景区|生活区|居住区|工业区|商业区|集聚区|先行区|核心区|小镇|城镇|集镇|乡镇|村镇|街道办|城市|都市|超市|门市|集市|夜市|上市|股市|楼市|区域|县域|市域|新区)$/;

/** National development zones that govern streets as a district does (济南高新区, 长沙经开区). */
const ZONE = /^[\u4e00-\u9fff]{2,3}(?:高新区|经开区)$/;

/**
 * Words that a name the registry does not know may not hold: the verbs and
 * nouns of the sentences around names, that left-growing picks up
 * (政府建设纳入街道, 人民政府金龙街道, 面落实县).
 */
const FRAGMENT =
  /政府|人民|建设|纳入|强化|推进|加强|落实|全面|深化|法治|依法|工作|开展|关于|报告|年度|党委|党工委|委员|办事|领导|提升|打造|围绕|紧扣|服务|管理|治理|规范|完善|健全|实施|推动|助力|创建|示范|美丽|平安|文明|和谐|幸福|特色|全域|城乡|乡村|振兴|辖区|坚持|部署|要求|贯彻|深入|学习|精神|思想|扎实|持续|不断|进一步|组织|重点|召开|制定|建立|成立|举办|印发|出台|修订|编制|设立|配备|聘请|邀请|联合|协调|指导|督促|参加|参与|审议|研究|听取|推行|实行|构建|形成|明确|压实|成为|作为|通过|针对|结合|召集|年/;

/** What may follow a town's name in its title or signature. */
const TOWN_STRONG_AFTER = /^(?:人民政府|党委|党工委|办事处|委员会|政府|[0-9])/;
const COUNTY_STRONG_AFTER = /^(?:委|人民政府|政府|法治|依法|[0-9]|人大|党委|党工委)/;

/** Suffixes of township-level units whose names are read from the text too. */
const TOWN_SUFFIXES = ['街道', '镇', '乡'];
/** Suffixes only names the registry knows are read with (苏木 of Inner Mongolia, Beijing's 地区). */
const REGISTRY_ONLY_SUFFIXES = ['苏木', '地区'];

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The report's text with the counts and zones every candidate is weighed by. */
export interface Reading {
  readonly folded: string;
  readonly count: (s: string) => number;
  /** Title lines and the signature block weigh more than the body. */
  readonly atEdge: (at: number) => boolean;
}

export function readingOf(folded: string): Reading {
  const counts = new Map<string, number>();
  const head = Math.min(folded.length, 200);
  const tail = Math.max(head, folded.length - 200);
  return {
    folded,
    count: (s) => {
      let c = counts.get(s);
      if (c === undefined) {
        c = countOccurrences(folded, s);
        counts.set(s, c);
      }
      return c;
    },
    atEdge: (at) => at < head || at > tail,
  };
}

/**
 * The longest name of `names` that ends at `end` and is at least `min`
 * characters long (`min` ≥ ENDING_CHARS): looked for no longer than the
 * longest name with the same last characters (`endings`).
 */
export function longestNameEndingAt(
  folded: string,
  end: number,
  names: ReadonlyMap<string, unknown>,
  endings: NameEndings,
  min: number,
): string {
  if (end < ENDING_CHARS) return '';
  const longest = endings.get(folded.slice(end - ENDING_CHARS, end)) ?? 0;
  for (let len = Math.min(longest, end); len >= min; len--) {
    const s = folded.slice(end - len, end);
    if (names.has(s)) return s;
  }
  return '';
}

/** A province's full or short name, counted at `index` (2i: full, 2i + 1: short). */
interface ProvinceName {
  readonly index: number;
  readonly name: string;
}

/**
 * The provinces' names by the slot of their first character, so the text is
 * read once for all 64 names, a lookup per character (a search of the whole
 * text for each name took half of the place names' time).
 */
const PROVINCE_SLOTS = new CharSlots();
const PROVINCE_NAMES: ProvinceName[][] = [];
PROVINCES.forEach(([full, short], province) => {
  for (const [name, index] of [
    [full, province * 2],
    [short, province * 2 + 1],
  ] as const) {
    (PROVINCE_NAMES[PROVINCE_SLOTS.slotFor(name)] ??= []).push({ index, name });
  }
});

/**
 * How often each province's full and short name occurs in the text, as
 * countOccurrences counts each: [full, short] at 2i and 2i + 1.
 */
export function provinceCounts(folded: string): Int32Array {
  const counts = new Int32Array(PROVINCES.length * 2);
  // Where each name's last occurrence ends: occurrences of one name do not overlap.
  const ends = new Int32Array(PROVINCES.length * 2);
  for (let at = 0; at < folded.length; at++) {
    const slot = PROVINCE_SLOTS.slotAt(folded, at);
    if (slot < 0) continue;
    for (const { index, name } of PROVINCE_NAMES[slot] ?? []) {
      if (at < (ends[index] ?? 0) || !folded.startsWith(name, at)) continue;
      counts[index] = (counts[index] ?? 0) + 1;
      ends[index] = at + name.length;
    }
  }
  return counts;
}

/** The province named in the text: full names count twice as much as short ones. */
export function detectProvince(folded: string): string {
  const counts = provinceCounts(folded);
  let best = '';
  let bestScore = 0;
  PROVINCES.forEach(([full], province) => {
    const fullCount = counts[province * 2] ?? 0;
    const score = fullCount * 2 + (counts[province * 2 + 1] ?? 0) - fullCount;
    if (score > bestScore) {
      best = full;
      bestScore = score;
    }
  });
  return best;
}

export interface Named {
  readonly name: string;
  score: number;
  readonly first: number;
  /** Written once at least where a title or an opening sentence begins (see startsAsTitle). */
  title: boolean;
}

function addNamed(
  named: Map<string, Named>,
  name: string,
  score: number,
  at: number,
  title = false,
): void {
  const prev = named.get(name);
  if (prev === undefined) named.set(name, { name, score, first: at, title });
  else {
    prev.score += score;
    prev.title ||= title;
  }
}

export function best(
  named: ReadonlyMap<string, Named>,
  accept: (n: Named) => boolean,
): Named | null {
  let top: Named | null = null;
  for (const n of named.values()) {
    if (!accept(n)) continue;
    if (top === null || n.score > top.score || (n.score === top.score && n.first < top.first))
      top = n;
  }
  return top;
}

/**
 * Whether the text just before `start` lets a name begin there: a line or
 * clause boundary, a word (在, 关于), or a county, city or province name
 * (济南市历下区建筑新村街道).
 */
function startsAsName(folded: string, start: number): boolean {
  const before = folded.charAt(start - 1);
  if (start === 0 || !HAN.test(before) || WORD_BEFORE.has(before)) return true;
  if (WORD_BEFORE.has(folded.slice(start - 2, start))) return true;
  const g = gazetteer();
  return (
    longestNameEndingAt(folded, start, g.counties, g.countyEndings, 2) !== '' ||
    longestNameEndingAt(folded, start, g.cities, g.cityEndings, 2) !== '' ||
    PROVINCES.some(([full, short]) => folded.endsWith(full, start) || folded.endsWith(short, start))
  );
}

/**
 * Whether a name at `start` begins a title, a signature or an opening
 * sentence: at a line's start, after its county or city (济南市历下区建筑新村街道),
 * after 中共/关于, or after the year that opens the report (2025年，北城街街道…).
 */
function startsAsTitle(folded: string, start: number): boolean {
  const line = folded.slice(folded.lastIndexOf('\n', start - 1) + 1, start);
  if (/^[\s\d.、]*$/.test(line) || /(?:中共|关于)$/.test(line)) return true;
  if (/^\s*(?:19|20)\d{2}\s*年度?(?:以来)?[,，]\s*$/.test(line)) return true;
  return HAN.test(line.slice(-1)) && startsAsName(folded, start);
}

/**
 * A name read from the text alone, grown to the left from its suffix while
 * the longer string occurs about as often (黄花店镇 is written many times,
 * 加速黄花店镇 once); '' when none of at least two characters stands there.
 */
function grownName(r: Reading, at: number, suffix: string, maxName: number): [string, number] {
  const { folded } = r;
  let nameStart = at;
  while (
    nameStart > 0 &&
    at - nameStart < maxName &&
    HAN.test(folded.charAt(nameStart - 1)) &&
    !NAME_STOP.has(folded.charAt(nameStart - 1))
  ) {
    nameStart--;
  }
  if (at - nameStart < 2) return ['', at];
  const end = at + suffix.length;
  let chosen = at - 2;
  const base = r.count(folded.slice(chosen, end));
  for (let s = chosen - 1; s >= nameStart; s--) {
    const c = r.count(folded.slice(s, end));
    if ((c >= 2 && c * 2 >= base) || (c === 1 && base === 1)) chosen = s;
    else break;
  }
  let name = folded.slice(chosen, end);
  const prefix = /^(?:中国共产党|中共|关于)/.exec(name)?.[0] ?? '';
  name = name.slice(prefix.length);
  return [name, chosen + prefix.length];
}

/**
 * Town candidates with their weight: each occurrence of a suffix names the
 * registry's name that ends there, or failing one, the name the text grows.
 */
export function townCandidates(r: Reading): {
  known: Map<string, Named>;
  unknown: Map<string, Named>;
} {
  const g = gazetteer();
  const { folded } = r;
  const known = new Map<string, Named>();
  const unknown = new Map<string, Named>();
  for (const suffix of [...TOWN_SUFFIXES, ...REGISTRY_ONLY_SUFFIXES]) {
    const readable = TOWN_SUFFIXES.includes(suffix);
    for (let at = folded.indexOf(suffix); at >= 0; at = folded.indexOf(suffix, at + 1)) {
      const end = at + suffix.length;
      const registered = longestNameEndingAt(
        folded,
        end,
        g.towns,
        g.townEndings,
        suffix.length + 2,
      );
      const [grown, start] = readable ? grownName(r, at, suffix, 6) : ['', at];
      let name = registered;
      let first = end - registered.length;
      // A longer name the text always writes (建筑新村街道, where the registry has a
      // 新村街道 elsewhere) is the text's own, if it is not a fragment.
      if (
        grown.length > registered.length &&
        (registered === '' ||
          (r.count(grown) >= 2 &&
            r.count(grown) === r.count(registered) &&
            !FRAGMENT.test(grown.slice(0, grown.length - registered.length))))
      ) {
        name = grown;
        first = start;
      }
      // A registry name wins over a generic ending (许村镇, 新集镇, 马城镇: 755 towns
      // end like 村镇, 集镇 or 城镇); a two-character one (城镇, 乡镇) is a word.
      const generic = GENERIC_ENDINGS.test(name) && !(name.length > 2 && g.towns.has(name));
      if (name === '' || generic) continue;
      let score = 1;
      if (TOWN_STRONG_AFTER.test(folded.slice(end, end + 6))) score += 2;
      if (r.atEdge(first)) score += 2;
      if (g.towns.has(name)) addNamed(known, name, score, first);
      else if (!FRAGMENT.test(name.slice(0, -suffix.length)) && startsAsName(folded, first))
        addNamed(unknown, name, score, first, startsAsTitle(folded, first));
    }
  }
  return { known, unknown };
}

/** The report's town: a registry name seen twice, or a name of the text's own seen in its title or signature. */
export function detectTown(r: Reading): string {
  const { known, unknown } = townCandidates(r);
  const k = best(known, (n) => n.score >= 2);
  // Written twice, once where a title or an opening begins: the verbs that
  // left-growing takes for names (召开街道党工委会议) are written once, mid-sentence.
  const u = best(unknown, (n) => n.title && n.score >= 4 && r.count(n.name) >= 2);
  if (u !== null && (k === null || u.score > k.score)) return u.name;
  return k?.name ?? '';
}

/**
 * County-level names in the text: the registry's (海宁市 is a county, not a
 * city), and others where they stand as names (济南高新区). A two-character
 * registry name (滑县, 城区) counts only before the town (滑县万古镇) or
 * before 委/人民政府, where it cannot be a word.
 */
export function namedCounties(r: Reading, town: string): Map<string, Named> {
  const g = gazetteer();
  const { folded } = r;
  const named = new Map<string, Named>();
  for (const suffix of ['县', '区', '旗', '市']) {
    for (let at = folded.indexOf(suffix); at >= 0; at = folded.indexOf(suffix, at + 1)) {
      const end = at + 1;
      const after = folded.slice(end, end + 6);
      const beforeTown = town !== '' && after.startsWith(town);
      const strong = COUNTY_STRONG_AFTER.test(after) || beforeTown;
      let name = longestNameEndingAt(folded, end, g.counties, g.countyEndings, 2);
      if (name.length === 2 && !strong) continue;
      if (name === '' && suffix !== '市') {
        const [grown, start] = grownName(r, at, suffix, 4);
        if (
          grown === '' ||
          (GENERIC_ENDINGS.test(grown) && !ZONE.test(grown)) ||
          town.includes(grown) ||
          FRAGMENT.test(grown) ||
          !startsAsName(folded, start) ||
          g.cities.has(grown)
        )
          continue;
        name = grown;
      }
      if (name === '') continue;
      let score = 1 + (strong ? 2 : 0) + (beforeTown ? 2 : 0);
      if (r.atEdge(end - name.length)) score += 2;
      addNamed(named, name, score, end - name.length);
    }
  }
  return named;
}

/** City names of the registry in the text (凉山州 for 凉山彝族自治州 too). */
export function namedCities(r: Reading): Map<string, Named> {
  const g = gazetteer();
  const { folded } = r;
  const named = new Map<string, Named>();
  for (const suffix of ['市', '州', '盟', '地区']) {
    for (let at = folded.indexOf(suffix); at >= 0; at = folded.indexOf(suffix, at + 1)) {
      const end = at + suffix.length;
      const name = longestNameEndingAt(folded, end, g.cities, g.cityEndings, suffix.length + 1);
      if (name === '') continue;
      let score = 1;
      if (/^(?:委|人民政府|政府|[\u4e00-\u9fff]{2,4}(?:县|区|镇|乡|街道))/.test(folded.slice(end)))
        score += 2;
      if (r.atEdge(end - name.length)) score += 2;
      addNamed(named, name, score, end - name.length);
    }
  }
  return named;
}
