/**
 * The town picker's list: towns grouped by province, city and county,
 * searched by name, and the first rows of it the picker builds at once.
 * Pure, for FilterBar.tsx.
 */
import type { Town } from '../../dataset/model';
import { compareNames } from '../../i18n';

export interface Group {
  readonly key: string;
  readonly label: string;
  readonly towns: readonly Town[];
}

export function groupTowns(towns: readonly Town[]): Group[] {
  const groups = new Map<string, Town[]>();
  for (const town of towns) {
    const key = [town.province, town.city, town.county].filter((p) => p !== '').join(' · ');
    const list = groups.get(key) ?? [];
    list.push(town);
    groups.set(key, list);
  }
  return [...groups]
    .map(([key, list]) => ({
      key,
      label: key === '' ? '—' : key,
      towns: [...list].sort((a, b) => compareNames(a.name, b.name)),
    }))
    .sort((a, b) => compareNames(a.key, b.key));
}

/** Each group's key and towns' names as the search compares them, once per list of groups. */
const searchKeys = new WeakMap<readonly Group[], { key: string; towns: string[] }[]>();
const normalized = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

/**
 * The groups whose name or towns match the search: a group (county, city,
 * province) that matches keeps all its towns, otherwise only the matching
 * towns stay. Case and spaces are ignored.
 */
export function searchGroups(groups: readonly Group[], query: string): Group[] {
  const q = normalized(query);
  if (q === '') return [...groups];
  let keys = searchKeys.get(groups);
  if (keys === undefined) {
    keys = groups.map((g) => ({
      key: normalized(g.key),
      towns: g.towns.map((t) => normalized(t.name)),
    }));
    searchKeys.set(groups, keys);
  }
  const found: Group[] = [];
  groups.forEach((group, i) => {
    const k = keys[i];
    if (k === undefined) return;
    if (k.key.includes(q)) found.push(group);
    else {
      const towns = group.towns.filter((_, j) => k.towns[j]?.includes(q) === true);
      if (towns.length > 0) found.push({ ...group, towns });
    }
  });
  return found;
}

/**
 * Rows (a group's heading, a town) the picker builds at once; the reader asks
 * for more. A nation's picker holds 40,000 towns in 2,000 counties: building
 * them all took a second and a half to open it and a second to answer a
 * search's first character.
 */
export const PICKER_ROWS = 300;

/**
 * The first `rows` rows of the groups as listed (a folded group is its
 * heading only): each group with the towns shown of it, and how many towns
 * are left out.
 */
export function firstRows(
  groups: readonly Group[],
  isOpen: (key: string) => boolean,
  rows: number,
): { listed: { group: Group; towns: readonly Town[] }[]; hidden: number } {
  const listed: { group: Group; towns: readonly Town[] }[] = [];
  let left = rows;
  let hidden = 0;
  for (const group of groups) {
    if (left <= 0) {
      hidden += group.towns.length;
      continue;
    }
    left -= 1;
    if (!isOpen(group.key)) {
      listed.push({ group, towns: [] });
      continue;
    }
    const towns = group.towns.slice(0, left);
    listed.push({ group, towns });
    hidden += group.towns.length - towns.length;
    left -= towns.length;
  }
  return { listed, hidden };
}
