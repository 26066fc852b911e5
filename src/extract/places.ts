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
import type { PlaceField } from './columns';
import { describePlace, gazetteer, MUNICIPALITIES, type RegistryPlace } from './gazetteer';
import {
  best,
  detectProvince,
  detectTown,
  namedCities,
  namedCounties,
  readingOf,
  type Named,
} from './place-reading';
import { note, type ReportNote } from './report-notes';

export interface DetectedPlace {
  readonly town: string;
  readonly county: string;
  readonly city: string;
  readonly province: string;
  /** Fields filled from the registry rather than read in the text, with where from. */
  readonly inferred: ReadonlyMap<PlaceField, string>;
  /** Why a field stayed empty, where the registry has something to say. */
  readonly notes: ReadonlyMap<PlaceField, ReportNote>;
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
): { place: RegistryPlace | null; why: ReportNote | null } {
  if (places.length === 0) return { place: null, why: null };
  const scores = places.map((p) => corroboration(p, counties, cities, province));
  const top = Math.max(...scores);
  const winners = places.filter((_, i) => scores[i] === top);
  const [only] = winners;
  if (winners.length === 1 && only !== undefined && (top > 0 || !needCorroboration)) {
    return { place: only, why: null };
  }
  if (winners.length === 1 && only !== undefined) {
    return {
      place: null,
      why: note('registry_unconfirmed', { name: what, place: describePlace(only) }),
    };
  }
  return {
    place: null,
    why: note('registry_ambiguous', {
      name: what,
      count: String(places.length),
      fit: String(top > 0 ? winners.length : 0),
    }),
  };
}

/** The name of the text's that the registry puts at `place`, if the text names it. */
function namedAt(
  named: ReadonlyMap<string, Named>,
  level: 'county' | 'city',
  place: RegistryPlace,
): string {
  const key = keyOf(place, level);
  return (
    best(named, (n) => placesOf(n.name, level).some((p) => keyOf(p, level) === key))?.name ?? ''
  );
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
  const named = detectProvince(folded);
  const inferred = new Map<PlaceField, string>();
  const notes = new Map<PlaceField, ReportNote>();

  const byTown = onePlace(town, g.towns.get(town) ?? [], countyKeys, cityKeys, named, true);
  let place = byTown.place;
  let via = town;
  if (byTown.why !== null)
    for (const f of ['county', 'city', 'province'] as const) notes.set(f, byTown.why);

  // The county the text names where the town lies, else the strongest it names.
  let county = place !== null && place.county !== '' ? namedAt(counties, 'county', place) : '';
  if (county === '') {
    const registered = (n: Named): boolean => placesOf(n.name, 'county').length > 0;
    county = best(counties, (n) => n.score >= (registered(n) ? 2 : 3))?.name ?? '';
    // A county of the registry's that the town is not in: the text's word
    // stands (the town may have moved since 2023), the town's place does not.
    if (place !== null && county !== '' && placesOf(county, 'county').length > 0) place = null;
  }
  if (place === null && county !== '') {
    const byCounty = onePlace(
      county,
      placesOf(county, 'county'),
      countyKeys,
      cityKeys,
      named,
      false,
    );
    place = byCounty.place;
    via = county;
    if (byCounty.why !== null)
      for (const f of ['city', 'province'] as const) notes.set(f, byCounty.why);
  }

  const from = place === null ? '' : `from the registry: ${via} is in ${describePlace(place)}`;
  let province = named;
  if (place !== null && province !== place.province) {
    province = place.province;
    inferred.set('province', from);
  }
  let city = '';
  if (MUNICIPALITIES.includes(province)) {
    city = province;
    if (inferred.has('province')) inferred.set('city', from);
  } else if (place !== null) {
    city = namedAt(cities, 'city', place);
    if (city === '' && place.city !== '') {
      city = place.city;
      inferred.set('city', from);
    }
  } else city = best(cities, (n) => n.score >= 3)?.name ?? '';
  if (place !== null && county === '') {
    if (place.county !== '') {
      county = place.county;
      inferred.set('county', from);
    } else notes.set('county', note('directly_under_city', { name: via, city: place.city }));
  }
  // The registry's only town of this name lies in another province than the
  // one the text names (学习浙江省经验 in passing): neither is taken.
  const only = g.towns.get(town);
  if (place === null && county === '' && only?.length === 1 && only[0] !== undefined) {
    const there = only[0];
    if (province !== '' && province !== there.province) {
      notes.set(
        'province',
        note('other_province', { province, town, place: describePlace(there) }),
      );
      province = '';
      if (MUNICIPALITIES.includes(city)) city = '';
    }
  }
  return { town, county, city, province, inferred, notes };
}
