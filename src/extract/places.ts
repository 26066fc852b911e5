/**
 * Where a report comes from: its town (…镇/乡/街道), county, city and
 * province, read in the folded text and checked against the registry of
 * administrative divisions (gazetteer.ts).
 *
 * A name the registry knows wins over what the text has around it (强化伊金霍洛镇
 * is 伊金霍洛镇). A name it does not know (a town renamed or made after 2023)
 * is still read, but only where it stands as a name: at a line's or clause's
 * start or after its county, free of the words fragments are made of (纳入街道
 * is none). When the text names the town and a level above it that the
 * registry places it under, the levels the text leaves out are filled from
 * the registry and reported as inferred; a name the registry gives to several
 * places (88 towns are called 城关镇) is left, with a note saying so.
 */
import { describePlace, gazetteer, MUNICIPALITIES, type RegistryPlace } from './gazetteer';

export type PlaceField = 'town' | 'county' | 'city' | 'province';

export interface DetectedPlace {
  readonly town: string;
  readonly county: string;
  readonly city: string;
  readonly province: string;
  /** Fields filled from the registry rather than read in the text, with where from. */
  readonly inferred: ReadonlyMap<PlaceField, string>;
  /** Why a field stayed empty, where the registry has something to say. */
  readonly notes: ReadonlyMap<PlaceField, string>;
}

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

export const PROVINCES: readonly (readonly [full: string, short: string])[] = [
  ['北京市', '北京'],
  ['天津市', '天津'],
  ['上海市', '上海'],
  ['重庆市', '重庆'],
  ['河北省', '河北'],
  ['山西省', '山西'],
  ['辽宁省', '辽宁'],
  ['吉林省', '吉林'],
  ['黑龙江省', '黑龙江'],
  ['江苏省', '江苏'],
  ['浙江省', '浙江'],
  ['安徽省', '安徽'],
  ['福建省', '福建'],
  ['江西省', '江西'],
  ['山东省', '山东'],
  ['河南省', '河南'],
  ['湖北省', '湖北'],
  ['湖南省', '湖南'],
  ['广东省', '广东'],
  ['海南省', '海南'],
  ['四川省', '四川'],
  ['贵州省', '贵州'],
  ['云南省', '云南'],
  ['陕西省', '陕西'],
  ['甘肃省', '甘肃'],
  ['青海省', '青海'],
  ['台湾省', '台湾'],
  ['内蒙古自治区', '内蒙古'],
  ['广西壮族自治区', '广西'],
  ['西藏自治区', '西藏'],
  ['宁夏回族自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆'],
];

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The report's text with the counts and zones every candidate is weighed by. */
interface Reading {
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

/** The longest name of `names` that ends at `end` and is at least `min` characters long. */
function longestNameEndingAt(
  folded: string,
  end: number,
  names: ReadonlyMap<string, unknown>,
  longest: number,
  min: number,
): string {
  for (let len = Math.min(longest, end); len >= min; len--) {
    const s = folded.slice(end - len, end);
    if (names.has(s)) return s;
  }
  return '';
}

/** The province named in the text: full names count twice as much as short ones. */
function detectProvince(folded: string): string {
  let best = '';
  let bestScore = 0;
  for (const [full, short] of PROVINCES) {
    const fullCount = countOccurrences(folded, full);
    const score = fullCount * 2 + countOccurrences(folded, short) - fullCount;
    if (score > bestScore) {
      best = full;
      bestScore = score;
    }
  }
  return best;
}

interface Named {
  readonly name: string;
  score: number;
  readonly first: number;
}

function addNamed(named: Map<string, Named>, name: string, score: number, at: number): void {
  const prev = named.get(name);
  if (prev === undefined) named.set(name, { name, score, first: at });
  else prev.score += score;
}

function best(named: ReadonlyMap<string, Named>, accept: (n: Named) => boolean): Named | null {
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
    longestNameEndingAt(folded, start, g.counties, g.longestCounty, 2) !== '' ||
    longestNameEndingAt(folded, start, g.cities, g.longestCity, 2) !== '' ||
    PROVINCES.some(([full, short]) => folded.endsWith(full, start) || folded.endsWith(short, start))
  );
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
        g.longestTown,
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
      if (name === '' || GENERIC_ENDINGS.test(name)) continue;
      let score = 1;
      if (TOWN_STRONG_AFTER.test(folded.slice(end, end + 6))) score += 2;
      if (r.atEdge(first)) score += 2;
      if (g.towns.has(name)) addNamed(known, name, score, first);
      else if (!FRAGMENT.test(name.slice(0, -suffix.length)) && startsAsName(folded, first))
        addNamed(unknown, name, score, first);
    }
  }
  return { known, unknown };
}

/** The report's town: a registry name seen twice, or a name of the text's own seen in its title or signature. */
function detectTown(r: Reading): string {
  const { known, unknown } = townCandidates(r);
  const k = best(known, (n) => n.score >= 2);
  // Written at least twice, once where a name stands out: verbs before 街道党工委 are written once.
  const u = best(unknown, (n) => n.score >= 4 && r.count(n.name) >= 2);
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
      let name = longestNameEndingAt(folded, end, g.counties, g.longestCounty, 2);
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
function namedCities(r: Reading): Map<string, Named> {
  const g = gazetteer();
  const { folded } = r;
  const named = new Map<string, Named>();
  for (const suffix of ['市', '州', '盟', '地区']) {
    for (let at = folded.indexOf(suffix); at >= 0; at = folded.indexOf(suffix, at + 1)) {
      const end = at + suffix.length;
      const name = longestNameEndingAt(folded, end, g.cities, g.longestCity, suffix.length + 1);
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

/** The registry's places of a county or city name as the text writes it. */
function placesOf(name: string, level: 'county' | 'city'): readonly RegistryPlace[] {
  const g = gazetteer();
  return (level === 'county' ? g.counties : g.cities).get(name) ?? [];
}

const keyOf = (p: RegistryPlace, level: 'county' | 'city'): string =>
  level === 'county' ? `${p.province}/${p.city}/${p.county}` : `${p.province}/${p.city}`;

/** The registry's places of the names the text gives a level, by key. */
function placesNamed(named: ReadonlyMap<string, Named>, level: 'county' | 'city'): Set<string> {
  const g = gazetteer();
  const map = level === 'county' ? g.counties : g.cities;
  return new Set([...named.keys()].flatMap((n) => (map.get(n) ?? []).map((p) => keyOf(p, level))));
}

/** How strongly the levels the text names put a town at `p`: its county says most. */
function corroboration(
  p: RegistryPlace,
  counties: ReadonlySet<string>,
  cities: ReadonlySet<string>,
  province: string,
): number {
  return (
    (p.county !== '' && counties.has(keyOf(p, 'county')) ? 4 : 0) +
    (p.city !== '' && cities.has(keyOf(p, 'city')) ? 2 : 0) +
    (p.province === province ? 1 : 0)
  );
}

/** The one place of `places` that the named levels point to, or why there is none. */
function onePlace(
  what: string,
  places: readonly RegistryPlace[],
  counties: ReadonlySet<string>,
  cities: ReadonlySet<string>,
  province: string,
  needCorroboration: boolean,
): { place: RegistryPlace | null; why: string } {
  if (places.length === 0) return { place: null, why: '' };
  const scores = places.map((p) => corroboration(p, counties, cities, province));
  const top = Math.max(...scores);
  const winners = places.filter((_, i) => scores[i] === top);
  const [only] = winners;
  if (winners.length === 1 && only !== undefined && (top > 0 || !needCorroboration)) {
    return { place: only, why: '' };
  }
  if (winners.length === 1 && only !== undefined) {
    return {
      place: null,
      why: `the registry has one ${what} (${describePlace(only)}), but the text names no county, city or province to confirm it`,
    };
  }
  const fit =
    top > 0 ? `${winners.length} of them fit what the text names` : 'the text does not say which';
  return {
    place: null,
    why: `${what} is the name of ${places.length} places in the registry and ${fit}: give it in the manifest`,
  };
}

/** Town, county, city and province of a report, as its text names them and the registry completes them. */
export function detectPlace(folded: string): DetectedPlace {
  const g = gazetteer();
  const r = readingOf(folded);
  const town = detectTown(r);
  const counties = namedCounties(r, town);
  const cities = namedCities(r);
  const countyKeys = placesNamed(counties, 'county');
  const cityKeys = placesNamed(cities, 'city');
  let province = detectProvince(folded);
  const inferred = new Map<PlaceField, string>();
  const notes = new Map<PlaceField, string>();

  const byTown = onePlace(town, g.towns.get(town) ?? [], countyKeys, cityKeys, province, true);
  let place = byTown.place;
  let via = town;

  // The county: the one the text names where the town lies, else the strongest named.
  let county = '';
  if (place !== null && place.county !== '') {
    const key = keyOf(place, 'county');
    county =
      best(counties, (n) => placesOf(n.name, 'county').some((p) => keyOf(p, 'county') === key))
        ?.name ?? '';
  }
  if (county === '') {
    county =
      best(counties, (n) => n.score >= (placesOf(n.name, 'county').length > 0 ? 2 : 3))?.name ?? '';
    // A county the registry does not put the town in: the text's word stands, the town's place not.
    if (place !== null && county !== '' && placesOf(county, 'county').length > 0) place = null;
  }
  if (place === null && county !== '') {
    const byCounty = onePlace(
      county,
      placesOf(county, 'county'),
      countyKeys,
      cityKeys,
      province,
      false,
    );
    if (byCounty.place !== null) {
      place = byCounty.place;
      via = county;
    } else if (byCounty.why !== '') notes.set('city', byCounty.why);
  }

  let city = '';
  if (MUNICIPALITIES.includes(province)) city = province;
  else if (place !== null && place.city !== '') {
    const key = keyOf(place, 'city');
    city =
      best(cities, (n) => placesOf(n.name, 'city').some((p) => keyOf(p, 'city') === key))?.name ??
      '';
  } else if (place === null) city = best(cities, (n) => n.score >= 3)?.name ?? '';

  if (place !== null) {
    const from = `from the registry: ${via} is in ${describePlace(place)}`;
    if (county === '' && place.county !== '') {
      county = place.county;
      inferred.set('county', from);
    }
    if (city === '' && place.city !== '') {
      city = place.city;
      inferred.set('city', from);
    }
    if (province !== place.province) {
      province = place.province;
      inferred.set('province', from);
      if (MUNICIPALITIES.includes(province)) city = province;
    }
  } else if (byTown.why !== '') {
    for (const field of ['county', 'city', 'province'] as const) notes.set(field, byTown.why);
  }
  return { town, county, city, province, inferred, notes };
}
