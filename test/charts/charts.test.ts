import { describe, expect, it } from 'vitest';
import {
  buildRankingOption,
  labelWidth,
  previewOffset,
  rankingIndexOf,
  windowStartOf,
} from '../../src/charts/ranking';
import { lineLook, PALETTE } from '../../src/charts/palette';
import {
  LEGEND,
  MULTIPLES,
  buildMultiplesOption,
  buildTrendOption,
  legendRows,
  lookSlots,
  multiplesIndexOf,
  multiplesLayout,
  trendHeight,
  yearLabelShown,
  type TrendLine,
} from '../../src/charts/trend';

type Labelled = { label: { formatter: (p: { dataIndex: number }) => string } };

describe('buildRankingOption', () => {
  const option = buildRankingOption(
    [
      { label: '乙镇', value: 190, text: '≥190件', flag: '' },
      { label: '甲镇', value: 150, text: '150件', flag: ' ✎' },
    ],
    { unitLabel: '件' },
  ) as {
    yAxis: { data: string[] };
    series: (Labelled & { data: number[] })[];
    xAxis: { name: string };
  };

  it('puts the highest value on top (ECharts draws the first category at the bottom)', () => {
    expect(option.yAxis.data).toEqual(['甲镇', '乙镇']);
    expect(option.series[0]?.data).toEqual([150, 190]);
    expect(rankingIndexOf(1, 2)).toBe(0);
  });

  it('labels bars with qualifier, unit and flags', () => {
    const format = option.series[0]?.label.formatter;
    expect(format?.({ dataIndex: 1 })).toBe('≥190件');
    expect(format?.({ dataIndex: 0 })).toBe('150件 ✎');
    expect(option.xAxis.name).toBe('件');
  });
});

describe('a long ranking', () => {
  const data = Array.from({ length: 100 }, (_, i) => ({
    label: `镇${i}`,
    value: 1000 - i,
    text: `${1000 - i}件`,
    flag: '',
  }));
  type Long = {
    dataZoom?: { startValue?: number; endValue?: number }[];
    yAxis: { data: string[]; min?: number; max?: number };
    series: { data: (number | string)[] }[];
    grid: { right: number };
  };
  const full = buildRankingOption(data, { unitLabel: '件', window: 40 }) as Long;
  const preview = buildRankingOption(data, { unitLabel: '件', window: 40, preview: true }) as Long;

  it('shows the top 40 through a data zoom over all 100 bars', () => {
    expect(full.series[0]?.data).toHaveLength(100);
    expect(full.dataZoom?.[0]).toMatchObject({ startValue: 60, endValue: 99 });
  });

  it('previews the window alone without the zoom, bar i being bar i + offset of the full chart', () => {
    expect(preview.dataZoom).toBeUndefined();
    const offset = previewOffset(100, 40);
    expect(offset).toBe(60);
    expect(preview.yAxis.data).toEqual(full.yAxis.data.slice(offset));
    expect(preview.series[0]?.data).toEqual(full.series[0]?.data.slice(offset));
    // The slider's room is kept: nothing moves when it appears.
    expect(preview.grid.right).toBe(full.grid.right);
    // The preview's top bar (index 39) is the full chart's 99: the first datum.
    expect(rankingIndexOf(39 + offset, 100)).toBe(0);
  });

  it('starts the window further down the ranking, in the zoom and in the preview alike', () => {
    const choices = { unitLabel: '件', window: 40, windowStart: 25 };
    const fullDown = buildRankingOption(data, choices) as Long;
    const previewDown = buildRankingOption(data, { ...choices, preview: true }) as Long;
    // Ranks 26–65 (1 = highest): bars 35–74 of the full chart.
    expect(fullDown.dataZoom?.[0]).toMatchObject({ startValue: 35, endValue: 74 });
    const offset = previewOffset(100, 40, 25);
    expect(offset).toBe(35);
    expect(previewDown.yAxis.data).toEqual(fullDown.yAxis.data.slice(35, 75));
    // The preview's top bar is rank 26: the 26th datum.
    expect(rankingIndexOf(39 + offset, 100)).toBe(25);
    // Moving the zoom there gives the same start back.
    expect(windowStartOf(74, 100)).toBe(25);
  });

  it('clamps a window start past the end to the last full window', () => {
    expect(previewOffset(100, 40, 90)).toBe(0);
    expect(previewOffset(100, 40, -3)).toBe(60);
    const last = buildRankingOption(data, { unitLabel: '件', window: 40, windowStart: 90 }) as Long;
    expect(last.dataZoom?.[0]).toMatchObject({ startValue: 0, endValue: 39 });
  });
});

describe('lineLook', () => {
  it('gives 24 towns 24 looks: the palette solid, then dashed, then dotted', () => {
    const looks = Array.from({ length: 24 }, (_, i) => lineLook(i));
    expect(new Set(looks.map((l) => `${l.color} ${l.type} ${l.symbol}`)).size).toBe(24);
    expect(looks.slice(0, PALETTE.length).every((l) => l.type === 'solid')).toBe(true);
    expect(lineLook(PALETTE.length)).toEqual({
      color: PALETTE[0],
      type: 'dashed',
      symbol: 'emptyTriangle',
    });
    // Past the looks, round again rather than fail.
    expect(lineLook(24)).toEqual(lineLook(0));
  });
});

describe('the trend legend', () => {
  const towns = (names: readonly string[]): TrendLine[] =>
    names.map((label, colorIndex) => ({ label, colorIndex, points: [{ value: 1, text: '1件' }] }));
  const ten = towns([
    '新兴镇',
    '康南镇',
    '安桥镇',
    '河石镇',
    '金白镇',
    '龙宁镇',
    '东和镇',
    '上永街道',
    '永兴镇',
    '新溪镇',
  ]);
  type Drawn = {
    legend: { type: string };
    grid: { top: number };
    series: { symbol: string; lineStyle: { type: string; color: string } }[];
  };

  it('names ten towns on as many rows as their names take at each width', () => {
    const labels = ten.map((t) => t.label);
    // A name of three characters takes 36 px, 76 px with its symbol and gaps: three fit in 1,000 px.
    expect(legendRows(labels.slice(0, 3), 1000)).toBe(1);
    // A phone's panel (358 px, 310 for the legend): four, then three (上永街道 is wider), then three.
    expect(legendRows(labels, 358)).toBe(3);
    expect(legendRows(labels, 700)).toBe(2);
    // Unmeasured: as on a phone.
    expect(legendRows(labels)).toBe(legendRows(labels, 340));
    // A name is reckoned by its characters, Latin letters as wide as Chinese ones (never fewer rows).
    expect(legendRows(Array(10).fill('Town'), 358)).toBe(
      legendRows(Array(10).fill('新兴镇镇'), 358),
    );
  });

  it('moves the plot and grows the chart by the rows, every town in a legend that does not scroll', () => {
    const phone = buildTrendOption(ten, { years: [2024], unitLabel: '件', width: 358 }) as Drawn;
    const wide = buildTrendOption(ten, { years: [2024], unitLabel: '件', width: 1300 }) as Drawn;
    expect(phone.legend.type).toBe('plain');
    const row = LEGEND.itemHeight + LEGEND.itemGap;
    expect(phone.grid.top - wide.grid.top).toBe(2 * row);
    expect(trendHeight(ten, 358) - trendHeight(ten, 1300)).toBe(2 * row);
    // The ninth and tenth towns dashed with triangles: not the first two again.
    expect(phone.series.map((x) => x.lineStyle.type)).toEqual([
      ...Array(8).fill('solid'),
      'dashed',
      'dashed',
    ]);
    expect(phone.series[8]?.symbol).toBe('emptyTriangle');
    expect(phone.series[8]?.lineStyle.color).toBe(phone.series[0]?.lineStyle.color);
  });

  it("keeps the trend's looks in its small multiples, the other towns after them", () => {
    // The trend's towns are a city's 9th and 30th: looks 0 and 1 (by their places, the 30th's would be the 6th's).
    const towns = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const slots = lookSlots(['t8', 't29'], towns);
    expect([slots.get('t8'), slots.get('t29'), slots.get('t0'), slots.get('t39')]).toEqual([
      0, 1, 2, 39,
    ]);
    expect(new Set(slots.values()).size).toBe(40);
  });

  it('scrolls when every town of a larger place is shown', () => {
    const many = towns(Array.from({ length: LEGEND.plainUpTo + 1 }, (_, i) => `镇${i}`));
    const option = buildTrendOption(many, { years: [2024], unitLabel: '件', width: 358 }) as Drawn;
    expect(option.legend.type).toBe('scroll');
    expect(trendHeight(many, 358)).toBe(trendHeight(many.slice(0, 1), 358));
  });
});

describe('buildTrendOption', () => {
  it('keeps missing years as gaps, never zeros', () => {
    const option = buildTrendOption(
      [
        {
          label: '甲镇',
          colorIndex: 0,
          points: [{ value: 1, text: '1件' }, null, { value: 3, text: '3件' }],
        },
      ],
      { years: [2022, 2023, 2024], unitLabel: '件' },
    ) as {
      series: { data: (number | null)[]; connectNulls: boolean }[];
      xAxis: { data: string[] };
    };
    expect(option.series[0]?.data).toEqual([1, null, 3]);
    expect(option.series[0]?.connectNulls).toBe(false);
    expect(option.xAxis.data).toEqual(['2022', '2023', '2024']);
  });

  it('ticks counts of people at whole numbers and labels the last year on a phone', () => {
    const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
    const option = buildTrendOption([], {
      years,
      unitLabel: '人',
      integer: true,
      width: 358,
    }) as {
      yAxis: { minInterval?: number };
      xAxis: { axisLabel: { interval: (i: number) => boolean } };
    };
    expect(option.yAxis.minInterval).toBe(1);
    expect(option.xAxis.axisLabel.interval(9)).toBe(true);
    expect(years.filter((_, i) => option.xAxis.axisLabel.interval(i)).length).toBeLessThan(10);
  });
});

describe('buildMultiplesOption', () => {
  const line = { label: '甲镇', colorIndex: 2, points: [{ value: 1, text: '1' }] };
  const panels = [
    { title: 'A', unitLabel: '件', lines: [line, line] },
    { title: 'B', unitLabel: '%', lines: [line] },
    { title: 'C', unitLabel: '件', lines: [line] },
    { title: 'D', unitLabel: '件', lines: [line] },
  ];
  it('lays panels out in a grid and maps series back to panel and line', () => {
    const option = buildMultiplesOption(panels, [2024], 1200) as {
      grid: unknown[];
      series: { xAxisIndex: number }[];
    };
    expect(option.grid).toHaveLength(4);
    // A town keeps its colour in every panel.
    expect(
      new Set(option.series.map((s) => (s as { itemStyle?: { color: string } }).itemStyle?.color)),
    ).toEqual(new Set(['#009E73']));
    expect(option.series.map((s) => s.xAxisIndex)).toEqual([0, 0, 1, 2, 3]);
    expect(multiplesIndexOf(panels, 1)).toEqual({ panel: 0, line: 1 });
    expect(multiplesIndexOf(panels, 2)).toEqual({ panel: 1, line: 0 });
    expect(multiplesIndexOf(panels, 9)).toBeNull();
  });

  // Nine indicators, as the 法律顾问 category has: counts, a rate and a change.
  const kinds = [
    'count',
    'count',
    'count',
    'count',
    'count',
    'count',
    'count',
    'percent',
    'change',
  ];
  const nine = kinds.map((kind, i) => ({
    title: `指标${i}（一个相当长的指标名称，需要换行才能显示完整）`,
    unitLabel: kind === 'count' ? '人' : '%',
    lines: [line],
    integer: kind === 'count',
    percent: kind === 'percent',
  }));
  interface Box {
    left: number;
    top: number;
    width: number;
    height: number;
  }
  const overlap = (a: Box, b: Box): boolean =>
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height;

  it.each([
    [1200, 3, 3],
    [900, 3, 3],
    [600, 2, 5],
    [358, 1, 9],
  ])('wraps nine panels at %i px into %i columns of %i rows, none squeezed', (width, c, r) => {
    const layout = multiplesLayout(9, width);
    expect([layout.columns, layout.rows]).toEqual([c, r]);
    const option = buildMultiplesOption(nine, [2022, 2023, 2024], width) as {
      grid: Box[];
      title: { top: number; left: number; textStyle: { width: number; overflow: string } }[];
    };
    const bottom = Math.max(...option.grid.map((g) => g.top + g.height));
    expect(bottom).toBeLessThanOrEqual(layout.height);
    for (const [i, g] of option.grid.entries()) {
      // Every plot keeps its minimum height (with its year labels), inside the chart.
      expect(g.height).toBeGreaterThanOrEqual(MULTIPLES.plotHeight + MULTIPLES.axisHeight);
      expect(g.width).toBeGreaterThanOrEqual(Math.min(MULTIPLES.minWidth, width));
      expect(g.left + g.width).toBeLessThanOrEqual(width);
      // Its title sits above it, wrapped to its width rather than cut.
      const title = option.title[i];
      expect(title?.top).toBeLessThanOrEqual(g.top - MULTIPLES.titleHeight);
      expect(title?.textStyle.width).toBeLessThanOrEqual(g.width);
      expect(title?.textStyle.overflow).toBe('break');
      for (const other of option.grid.slice(i + 1)) expect(overlap(g, other)).toBe(false);
    }
  });

  it('ticks counts at whole numbers, draws rates on 0–100 and leaves changes free', () => {
    const option = buildMultiplesOption(nine, [2023, 2024], 1200) as {
      yAxis: { minInterval?: number; min?: number; max?: number }[];
    };
    expect(option.yAxis[0]).toMatchObject({ minInterval: 1 });
    expect(option.yAxis[0]?.max).toBeUndefined();
    expect(option.yAxis[7]).toMatchObject({ min: 0, max: 100, interval: 25 });
    expect(option.yAxis[7]?.minInterval).toBeUndefined();
    expect(option.yAxis[8]?.minInterval).toBeUndefined();
    expect(option.yAxis[8]?.min).toBeUndefined();
  });

  it('always labels the last year, however narrow the panel', () => {
    const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
    for (const width of [1200, 358]) {
      const option = buildMultiplesOption(nine, years, width) as {
        xAxis: { axisLabel: { interval: (i: number) => boolean } }[];
      };
      const shown = years.filter((_, i) => option.xAxis[0]?.axisLabel.interval(i));
      expect(shown.at(-1)).toBe(2024);
      // As many as fit the panel (at 44 px a label), evenly spaced.
      const cell = multiplesLayout(9, width).cells[0]?.width ?? 0;
      expect(shown.length * 44).toBeLessThanOrEqual(cell);
      expect(shown.length).toBeGreaterThan(1);
    }
    expect(yearLabelShown(3, 100)(2)).toBe(true);
    expect([0, 1, 2, 3, 4].map(yearLabelShown(5, 132))).toEqual([true, false, true, false, true]);
  });
});

describe('labelWidth', () => {
  it('counts CJK characters as square and others as half width', () => {
    expect(labelWidth(['黄花店镇', 'ab'], 10)).toBe(40);
    expect(labelWidth(['≥190件'], 10)).toBe(34);
    expect(labelWidth([], 10)).toBe(0);
  });
});
