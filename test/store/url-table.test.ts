import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS, type IndicatorId } from '../../src/catalog';
import { LANGS } from '../../src/i18n';
import {
  DEFAULT_URL_STATE,
  URL_FIELDS,
  URL_STATE_KEYS,
  VIEW_REGISTRY,
  VIEWS,
  parseUrlState,
  serializeUrlState,
  urlStateOf,
  type UrlState,
} from '../../src/store';
import { NAV } from '../../src/app/nav';

const INDICATOR_IDS = Object.keys(INDICATORS) as IndicatorId[];

// Ids as the data has them (province/city/county/town, report slugs): never
// the list separator `~`, never empty.
const id = fc.stringMatching(/^[a-z0-9\u4e00-\u9fa5/-]{1,24}$/);
const indicator = fc.constantFrom(...INDICATOR_IDS);

const urlState: fc.Arbitrary<UrlState> = fc
  .record({
    view: fc.constantFrom(...VIEWS),
    year: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: null }),
    towns: fc.option(fc.array(id, { maxLength: 6 }), { nil: null }),
    indicator,
    lang: fc.constantFrom(...LANGS),
    source: fc.option(
      fc.record(
        {
          reportId: id,
          indicator,
          start: fc.option(fc.nat(), { nil: null }),
          town: id,
        },
        { requiredKeys: ['reportId', 'indicator', 'start'] },
      ),
      { nil: null },
    ),
    fullText: fc.option(fc.record({ reportId: id, town: id }, { requiredKeys: ['reportId'] }), {
      nil: null,
    }),
    yearMode: fc.constantFrom('auto' as const, 'year' as const, 'latest' as const),
    sortBy: fc.option(indicator, { nil: null }),
    profileTown: fc.option(id, { nil: null }),
    sideTowns: fc.array(id, { maxLength: 4 }),
    trendAll: fc.boolean(),
    rankStart: fc.integer({ min: 0, max: 999_999 }),
  })
  // A link names its indicator's category: the two never disagree.
  .map((s) => ({ ...s, category: INDICATORS[s.indicator].category }));

describe('the URL table', () => {
  it('round-trips every field: parse(write(state)) is the state', () => {
    fc.assert(
      fc.property(urlState, (state) => {
        expect({ ...DEFAULT_URL_STATE, ...parseUrlState(serializeUrlState(state)) }).toEqual(state);
      }),
    );
  });

  it('drops an unknown key and keeps the rest', () => {
    expect(parseUrlState('#/?zz=1&v=compare&admin=true')).toEqual({ view: 'compare' });
    fc.assert(
      fc.property(urlState, fc.stringMatching(/^[a-z]{3,6}$/), (state, key) => {
        fc.pre(!URL_STATE_KEYS.some((k) => URL_FIELDS[k].key === key));
        const hash = serializeUrlState(state);
        expect(parseUrlState(`${hash}&${key}=1`)).toEqual(parseUrlState(hash));
      }),
    );
  });

  it('gives each field its own hash key, and the defaults an empty-as-possible link', () => {
    const keys = URL_STATE_KEYS.map((k) => URL_FIELDS[k].key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(DEFAULT_URL_STATE).sort()).toEqual([...URL_STATE_KEYS].sort());
    // The view, category and indicator are always written: a link says what it shows.
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe(
      `#/?v=overview&c=${DEFAULT_URL_STATE.category}&i=${DEFAULT_URL_STATE.indicator}`,
    );
  });

  it('takes the URL state out of the whole store state, nothing else', () => {
    const state = { ...DEFAULT_URL_STATE, year: 2024, printing: true, model: null };
    expect(urlStateOf(state)).toEqual({ ...DEFAULT_URL_STATE, year: 2024 });
  });
});

describe('the view registry', () => {
  it('is what the navigation lists and what a link may name', () => {
    expect(NAV.map((n) => n.view)).toEqual(VIEWS);
    expect(VIEW_REGISTRY.map((v) => v.view)).toEqual(VIEWS);
    for (const view of VIEWS) expect(parseUrlState(`#/?v=${view}`)).toEqual({ view });
    expect(parseUrlState('#/?v=side-by-side')).toEqual({});
  });
});
