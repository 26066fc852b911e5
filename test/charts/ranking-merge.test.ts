/**
 * A ranking redrawn with RANKING_REPLACED (the rest of the option merged into
 * the chart drawn, so ECharts keeps its components) draws exactly what the
 * new option drawn afresh does: whatever the previous ranking, longer (with
 * its data zoom) or shorter.
 */
import { describe, expect, it } from 'vitest';
import { buildRankingOption, RANKING_REPLACED, type RankingDatum } from '../../src/charts/ranking';
import { echarts } from '../../src/components/chart/echarts-setup';
import '../../src/components/chart/zoom-setup';
import '../../src/components/chart/line-setup';

const ranking = (n: number, label: string): object =>
  buildRankingOption(
    Array.from({ length: n }, (_, i): RankingDatum => ({
      label: `${label}${i}镇`,
      value: n - i,
      text: `${n - i}件`,
      flag: i % 7 === 0 ? '*' : '',
    })),
    { unitLabel: '件', window: 40, windowStart: 0, tooltip: (i) => [`${label}${i}`] },
  );

function drawn(options: readonly object[], merge: boolean): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 500 });
  try {
    options.forEach((option, i) =>
      chart.setOption(
        option as Parameters<typeof chart.setOption>[0],
        merge && i > 0 ? { replaceMerge: [...RANKING_REPLACED] } : { notMerge: true },
      ),
    );
    // Class names and clip ids count ECharts instances and styles made: not part of the drawing.
    return chart
      .renderToSVGString()
      .replace(/zr\d+-cls-\d+/g, 'cls')
      .replace(/zr\d+-/g, 'zr-');
  } finally {
    chart.dispose();
  }
}

describe('a ranking redrawn over another', () => {
  it.each([
    ['a long ranking (data zoom) after a short one', 12, 300],
    ['a short ranking after a long one: its data zoom goes', 300, 12],
    ['a long ranking after another', 300, 150],
  ])('%s draws what it draws alone', (_, before, after) => {
    const next = ranking(after, '新');
    const alone = drawn([next], false);
    expect(drawn([ranking(before, '旧'), next], true)).toBe(alone);
    // And the comparison can tell charts apart.
    expect(drawn([ranking(before, '旧')], false)).not.toBe(alone);
  });
});
