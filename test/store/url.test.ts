import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE } from '../../src/store';
import { parseUrlState, serializeUrlState } from '../../src/store/url';

describe('URL hash state', () => {
  it('round-trips every filter, the source panel included', () => {
    const state = {
      ...DEFAULT_URL_STATE,
      year: 2023,
      towns: ['安徽省/淮北市/杜集区/段园镇', '上海市/上海市/静安区/彭浦镇'],
      category: 'petition' as const,
      indicator: 'petition.visitors' as const,
      lang: 'en' as const,
      view: 'compare' as const,
      yearMode: 'latest' as const,
      sortBy: 'mediation.cases' as const,
      profileTown: '安徽省/淮北市/杜集区/段园镇',
      sideTowns: ['安徽省/淮北市/杜集区/段园镇', '上海市/上海市/静安区/彭浦镇'],
      trendAll: true,
      rankStart: 120,
      source: {
        reportId: 'anhui-huaibei-duanyuan-2024',
        indicator: 'petition.visitors' as const,
        start: 3300,
      },
      fullText: { reportId: 'anhui-huaibei-duanyuan-2024', town: '安徽省/淮北市/杜集区/段园镇' },
    };
    expect(parseUrlState(serializeUrlState(state))).toEqual(state);
  });

  it('round-trips a full text without a town, and drops one without a report', () => {
    const state = { ...DEFAULT_URL_STATE, fullText: { reportId: 'r-1' } };
    expect(parseUrlState(serializeUrlState(state))).toMatchObject({
      fullText: { reportId: 'r-1' },
    });
    expect(parseUrlState('#/?ft=~a/b')).toEqual({});
  });

  it('drops what it does not understand', () => {
    expect(parseUrlState('#/?y=20x4&i=evil<script>&c=nope&l=fr&v=admin&s=a~b&r=-4&r=1e9')).toEqual(
      {},
    );
  });

  it('takes the category from the indicator', () => {
    expect(parseUrlState('#/?c=mediation&i=petition.cases')).toMatchObject({
      category: 'petition',
      indicator: 'petition.cases',
    });
  });

  it('leaves the ranking at its top out of the link', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).not.toContain('r=');
  });

  it('reads an empty town list as "no town", not "all towns"', () => {
    expect(parseUrlState('#/?t=')).toEqual({ towns: [] });
  });
});
