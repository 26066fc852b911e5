/**
 * The model's towns and its rows by town, kept small: a nation's overview
 * holds 40,000 towns and half a million rows.
 */
import type { DataIndex } from '../extract/data-index';
import type { Town, ValueRow } from './model';

/** Each town's row of one indicator and year, by town id. */
export interface TownRows {
  get(townId: string): ValueRow | undefined;
}

/**
 * index.json's towns, with their repeated strings and lists shared: a
 * county's name, city and province, and a list of years, are written once
 * for each of its towns (each its own copy once parsed). The towns are in
 * place order, so a town's county is its predecessor's or a new one; a list
 * of years is found by the years it holds, as bits (no string to hash).
 */
export function townsOf(index: DataIndex): Town[] {
  const first = index.years[0] ?? 0;
  const lists = new Map<number, readonly number[]>();
  let prev: Town | undefined;
  return index.towns.map((t) => {
    // Which of the 30 years from the index's first it holds; -1 (its own list):
    // a year outside them, or a list not in ascending order (as the CLI writes it).
    const bits = t.years.reduce(
      (b, y, i) =>
        b < 0 || y < first || y >= first + 30 || (i > 0 && y <= (t.years[i - 1] ?? y))
          ? -1
          : b | (1 << (y - first)),
      0,
    );
    const years = bits < 0 ? t.years : (lists.get(bits) ?? t.years);
    if (bits >= 0) lists.set(bits, years);
    const town: Town = {
      ...t,
      county: t.county === prev?.county ? prev.county : t.county,
      city: t.city === prev?.city ? prev.city : t.city,
      province: t.province === prev?.province ? prev.province : t.province,
      years,
    };
    prev = town;
    return town;
  });
}

/**
 * The rows of `year` by town: a slot per published town, found by its
 * number (a Map per file cost a nation's overview 14 MB); a row of another
 * town in a Map of its own. A later row of a town replaces an earlier one.
 */
export function townRows(
  numbers: ReadonlyMap<string, number>,
  rows: readonly ValueRow[],
  year: number,
): TownRows {
  const slots = new Array<ValueRow | undefined>(numbers.size);
  let others: Map<string, ValueRow> | null = null;
  for (const v of rows) {
    if (v.year !== year) continue;
    const n = numbers.get(v.townId);
    if (n === undefined) (others ??= new Map()).set(v.townId, v);
    else slots[n] = v;
  }
  return {
    get: (townId) => {
      const n = numbers.get(townId);
      return n === undefined ? others?.get(townId) : slots[n];
    },
  };
}
