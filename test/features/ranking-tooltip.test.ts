import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/charts/tooltip';
import { townIdOf, type Town } from '../../src/dataset/model';
import type { Ranking } from '../../src/dataset/select';
import { rankingOptions } from '../../src/features/ranking/ranking-chart';
import { value } from '../dataset/fixtures';

const HOSTILE = `<img src=x onerror="alert(1)">镇`;

function rankingOf(count: number): Ranking {
  return {
    reported: Array.from({ length: count }, (_, i) => {
      const name = i === 0 ? HOSTILE : `镇${i}`;
      const town: Town = {
        id: townIdOf({ town: name, county: '某县', city: '', province: '', reportId: '' }),
        name,
        county: '某县',
        city: '',
        province: '',
        years: [2024],
      };
      const row = value(name, 2024, 'mediation.cases', 200 - i, {
        qualifier: i === 0 ? '>=' : '=',
        reportId: i === 0 ? `<b>report</b>-2024` : `r${i}`,
      });
      return { town, row, value: 200 - i, rank: i + 1, percentile: 100 - i };
    }),
    ranked: count >= 3,
    noReport: [],
    notMentioned: [],
  };
}

type Formatter = (p: { dataIndex: number }) => string;
const tooltipOf = (option: object): Formatter =>
  (option as { tooltip: { formatter: Formatter } }).tooltip.formatter;

describe('the ranking bar tooltip', () => {
  it('shows town, value with qualifier and unit, and the report, as text', () => {
    const { full } = rankingOptions(rankingOf(3), 'zh', 'mediation.cases');
    // The highest is drawn on top: the last bar.
    const html = tooltipOf(full)({ dataIndex: 2 });
    expect(html.split('<br/>')).toEqual([
      `${escapeHtml(HOSTILE)} · 某县`,
      '调解矛盾纠纷数：≥200件',
      '不少于此数（报告写作“余”“多”“以上”等）',
      '报告：&lt;b&gt;report&lt;/b&gt;-2024（2024年度）',
    ]);
    expect(html).not.toContain('<img');
    expect(tooltipOf(full)({ dataIndex: 0 })).toContain('镇2 · 某县<br/>调解矛盾纠纷数：198件');
    const en = rankingOptions(rankingOf(3), 'en', 'mediation.cases').full;
    expect(tooltipOf(en)({ dataIndex: 1 })).toBe(
      '镇1 · 某县<br/>Disputes mediated: 199 cases<br/>Report: r1 (2024)',
    );
  });

  it('names the right town on a long ranking, in its preview and its full chart', () => {
    const options = rankingOptions(rankingOf(45), 'zh', 'mediation.cases', 2);
    const preview = options.preview;
    if (preview === undefined) throw new Error('a ranking of 45 has a preview');
    // The preview's bar i is bar i + indexOffset of the full chart: the same town.
    for (const i of [0, 17, 39]) {
      expect(tooltipOf(preview.option)({ dataIndex: i })).toBe(
        tooltipOf(options.full)({ dataIndex: i + preview.indexOffset }),
      );
    }
    // The window starts two ranks down: its top bar is the third town.
    expect(tooltipOf(preview.option)({ dataIndex: 39 })).toContain('镇2 · 某县');
  });
});
