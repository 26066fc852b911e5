/**
 * Every chart option builder with markup in every label it takes (towns,
 * counties, indicators, units, value texts): each function in the option is
 * called for every series and data index. A tooltip formatter's string goes
 * into the page as HTML, so there nothing of the data may stay markup; label
 * formatters are drawn as text by the renderer, so there it must stay as
 * written. A builder added to src/charts without a row here fails the test.
 */
import { describe, expect, it } from 'vitest';
import {
  buildRankingOption,
  buildSideBySideOption,
  type RankingDatum,
} from '../../src/charts/ranking';
import { buildSideValuesOption } from '../../src/charts/side';
import { escapeHtml, tooltipHtml } from '../../src/charts/tooltip';
import { buildMultiplesOption, buildTrendOption, type TrendLine } from '../../src/charts/trend';

const HOSTILE = `<img src=x onerror="alert(1)">'&镇`;
const of = (what: string): string => `${HOSTILE}${what}`;

const lines: TrendLine[] = [0, 1].map((i) => ({
  label: of(`town${i}`),
  colorIndex: i,
  points: [{ value: 3, text: of('3件') }, null, { value: 5, text: of('5件') }],
}));

const ranking: RankingDatum[] = Array.from({ length: 45 }, (_, i) => ({
  label: of(`town${i}`),
  value: 100 - i,
  text: of(`${100 - i}件`),
  flag: of('✎'),
}));

/** A bar's tooltip: the town, its value as written and the report, all data. */
const barTooltip = (i: number): readonly string[] => [
  ranking[i]?.label ?? '',
  ranking[i]?.text ?? '',
  of('report-id'),
];

/** Each builder of src/charts, with hostile labels wherever it takes text. */
const BUILDERS: Readonly<Record<string, () => readonly object[]>> = {
  buildRankingOption: () => [
    buildRankingOption(ranking.slice(0, 3), { unitLabel: of('unit'), tooltip: barTooltip }),
    buildRankingOption(ranking, { unitLabel: of('unit'), window: 40, tooltip: barTooltip }),
    buildRankingOption(ranking, {
      unitLabel: of('unit'),
      window: 40,
      preview: true,
      tooltip: barTooltip,
    }),
  ],
  buildTrendOption: () => [
    buildTrendOption(lines, { years: [2022, 2023, 2024], unitLabel: of('u') }),
  ],
  buildMultiplesOption: () => [
    buildMultiplesOption(
      [
        { title: of('indicator'), unitLabel: of('unit'), lines },
        { title: of('other'), unitLabel: '', lines },
      ],
      [2022, 2023, 2024],
      900,
    ),
  ],
  buildSideValuesOption: () => [
    buildSideValuesOption(
      [
        {
          title: of('indicator'),
          unit: of('unit'),
          kind: 'count',
          values: [3, null],
          texts: [of('3件'), of('none')],
        },
        {
          title: of('rate'),
          unit: '%',
          kind: 'percent',
          values: [99.5, 100],
          texts: [of('a'), of('b')],
        },
      ],
      lines.map((l, i) => ({ label: l.label, colorIndex: i })),
      ['#000'],
    ),
  ],
  buildSideBySideOption: () => [
    buildSideBySideOption(
      [of('indicator a'), of('indicator b')],
      lines.map((l, i) => ({
        label: l.label,
        colorIndex: i,
        percentiles: [50, null],
        texts: [of('3件'), of('not reported')],
      })),
      ['#000'],
    ),
  ],
};

interface Found {
  readonly path: string;
  readonly value: unknown;
}

function walk(value: unknown, path: string, out: Found[]): Found[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`, out);
  }
  return out;
}

/** What ECharts passes a formatter, for every series and data index of the option. */
function paramsOf(option: object): object[] {
  const series = (option as { series?: { data?: unknown[] }[] }).series ?? [];
  return series.flatMap((s, seriesIndex) =>
    (s.data ?? []).map((data, dataIndex) => ({
      componentType: 'series',
      seriesIndex,
      dataIndex,
      data,
      value: data,
      name: of('name'),
      seriesName: of('series'),
      marker: '',
      color: '#000',
    })),
  );
}

/** The text a formatter returned, as the page would show it once parsed as HTML. */
const MARKUP_LEFT = /<(?!br\/>)|(?<!<br\/)>|["']/;

describe('chart options with markup in every label', () => {
  const chartModules = import.meta.glob<Record<string, unknown>>('../../src/charts/*.ts', {
    eager: true,
  });

  it('covers every option builder of src/charts', () => {
    const builders = Object.values(chartModules).flatMap((m) =>
      Object.entries(m)
        .filter(([name, v]) => typeof v === 'function' && /^build\w*Option$/.test(name))
        .map(([name]) => name),
    );
    expect(builders.sort()).toEqual(Object.keys(BUILDERS).sort());
  });

  it.each(Object.keys(BUILDERS))('%s: tooltips escape every piece of data', (name) => {
    for (const option of BUILDERS[name]?.() ?? []) {
      const found = walk(option, '', []);
      // Every tooltip has a formatter of its own: ECharts' default draws
      // markers with inline styles, which the site's policy blocks.
      for (const { path, value } of found.filter((f) => /(^|\.)tooltip$/.test(f.path))) {
        expect(typeof (value as { formatter?: unknown }).formatter, path).toBe('function');
      }
      const formatters = found.filter(
        (f): f is { path: string; value: (p: object) => unknown } => typeof f.value === 'function',
      );
      let shown = 0;
      for (const { path, value } of formatters) {
        for (const params of paramsOf(option)) {
          const out = value(params);
          if (typeof out !== 'string' || out === '') continue;
          if (path.includes('tooltip')) {
            expect(out, path).not.toMatch(MARKUP_LEFT);
            if (out.includes(escapeHtml(HOSTILE))) shown++;
          } else {
            // Drawn as text by ECharts: escaping would show "&lt;".
            expect(out, path).not.toMatch(/&(lt|gt|amp|quot|#39);/);
            if (out.includes(HOSTILE)) shown++;
          }
        }
      }
      // The data went through them (a formatter showing nothing passes nothing).
      if (formatters.length > 0) expect(shown).toBeGreaterThan(0);
    }
  });
});

describe('tooltipHtml', () => {
  it('escapes each line and joins them with line breaks', () => {
    expect(tooltipHtml([`<b>"甲镇"</b>`, `a & b's`])).toBe(
      '&lt;b&gt;&quot;甲镇&quot;&lt;/b&gt;<br/>a &amp; b&#39;s',
    );
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});
