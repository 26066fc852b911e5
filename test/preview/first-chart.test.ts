/**
 * The default page's first chart as images (src/preview): drawn from the data
 * folder the CLI wrote, with the towns in the order the data ranks them and
 * their values as written; text escaped; a folder with problems gets no
 * image; the descriptor the page reads is checked before it is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_VERSION, INDICATORS } from '../../src/catalog';
import { FIRST_CHART_DESCRIPTOR, firstChartImageOf } from '../../src/extract/data-index';
import {
  FIRST_CHART_WIDTHS,
  firstChartImageFor,
  readFirstChartDescriptor,
  type FirstChartDescriptor,
} from '../../src/preview/descriptor';
import { echarts } from '../../src/components/chart/echarts-setup';
import { firstChartFiles, type ChartLibrary } from '../../src/preview/first-chart';
import { nodeCharts } from '../../src/preview/node';
import { genProvince, indicatorFileRows, run } from '../helpers';

const SAMPLES = join(import.meta.dirname, '..', 'golden', 'samples');

const reader =
  (dir: string, change: (path: string, text: string) => string = (_, text) => text) =>
  (path: string): string | undefined => {
    const full = join(dir, path);
    return existsSync(full) ? change(path, readFileSync(full, 'utf8')) : undefined;
  };

/** The bar labels of an image, top to bottom (by their y), and the value labels likewise. */
function labelsOf(svg: string): { towns: string[]; values: string[] } {
  const texts = [
    ...svg.matchAll(
      /<text [^>]*text-anchor="(end|start)"[^>]*translate\(([\d.]+) ([\d.]+)\)[^>]*>([^<]*)</g,
    ),
  ].map((m) => ({ anchor: m[1], x: Number(m[2]), y: Number(m[3]), text: m[4] ?? '' }));
  const byY = (a: { y: number }, b: { y: number }): number => a.y - b.y;
  // Town names stand right-aligned left of the bars; values start after each bar.
  const towns = texts.filter((t) => t.anchor === 'end').sort(byY);
  const barRows = new Set(towns.map((t) => t.y));
  const values = texts.filter((t) => t.anchor === 'start' && barRows.has(t.y)).sort(byY);
  return { towns: towns.map((t) => t.text), values: values.map((t) => t.text) };
}

function descriptorOf(files: ReadonlyMap<string, string>): FirstChartDescriptor {
  const d = readFirstChartDescriptor(JSON.parse(files.get(FIRST_CHART_DESCRIPTOR) ?? 'null'));
  if (d === null) throw new Error('no usable descriptor');
  return d;
}

describe('the first chart as images', () => {
  it('draws the sample data’s default page: the latest year’s ranking, leader on top', () => {
    const files = firstChartFiles(reader(SAMPLES), echarts).files;
    const d = descriptorOf(files);
    const index = JSON.parse(readFileSync(join(SAMPLES, 'index.json'), 'utf8')) as {
      years: number[];
    };
    expect(d).toMatchObject({ lang: 'zh', indicator: 'mediation.cases', catalog: CATALOG_VERSION });
    expect(d.year).toBe(Math.max(...index.years));
    // The order and values computed here from the data file itself.
    const rows = indicatorFileRows(SAMPLES)
      .filter((r) => r['indicator'] === d.indicator && r['year'] === String(d.year))
      .filter((r) => r['value'] !== '')
      .sort((a, b) => Number(b['value']) - Number(a['value']));
    expect(rows.length).toBeGreaterThan(1);
    for (const width of d.widths) {
      const svg = files.get(firstChartImageOf(width)) ?? '';
      expect(svg).toMatch(new RegExp(`^<svg width="${width}" height="${d.height}"`));
      const { towns, values } = labelsOf(svg);
      expect(towns).toEqual(rows.map((r) => r['town']));
      // Each value as the page writes it: qualifier and unit (≥190件).
      expect(values).toEqual(
        rows.map(
          (r) =>
            `${r['qualifier'] === '>=' ? '≥' : ''}${r['value']}${INDICATORS[d.indicator].unit}`,
        ),
      );
    }
    expect(d.title).toContain(String(d.year));
    // Two towns: too few to rank, and the note says so.
    expect(d.notes.join('')).toContain('不足 3 个');
  });

  it('gives the same bytes on every run, with the app’s ECharts modules or the CLI’s prebuilt file', () => {
    const a = firstChartFiles(reader(SAMPLES), echarts).files;
    const b = firstChartFiles(reader(SAMPLES), echarts).files;
    const c = firstChartFiles(reader(SAMPLES), nodeCharts()).files;
    expect([...b]).toEqual([...a]);
    expect([...c]).toEqual([...a]);
    // What the CLI wrote for the samples (test/golden) is the same too.
    for (const [path, text] of a) expect(readFileSync(join(SAMPLES, path), 'utf8')).toBe(text);
  });

  describe('a county of 30 synthetic towns', () => {
    let outDir = '';
    beforeAll(async () => {
      const corpus = genProvince(30, 3, 3);
      outDir = (await run({ inDir: corpus, quiet: true })).outDir;
    });

    it('is written by the CLI beside the data, every town in the data’s order', () => {
      const d = descriptorOf(firstChartFiles(reader(outDir), echarts).files);
      const written = readFileSync(join(outDir, FIRST_CHART_DESCRIPTOR), 'utf8');
      expect(readFirstChartDescriptor(JSON.parse(written))).toEqual(d);
      const rows = indicatorFileRows(outDir)
        .filter((r) => r['indicator'] === d.indicator && r['year'] === String(d.year))
        .filter((r) => r['value'] !== '')
        .sort((a, b) => Number(b['value']) - Number(a['value']));
      expect(rows.length).toBeGreaterThanOrEqual(3);
      const svg = readFileSync(join(outDir, firstChartImageOf(560)), 'utf8');
      const { towns } = labelsOf(svg);
      expect(towns).toHaveLength(rows.length);
      // Ties may stand in either order; the values must not.
      const valueOf = new Map(rows.map((r) => [r['town'], Number(r['value'])]));
      const drawn = towns.map((t) => valueOf.get(t) ?? Number.NaN);
      expect(drawn).toEqual([...drawn].sort((a, b) => b - a));
      expect(new Set(towns)).toEqual(new Set(rows.map((r) => r['town'])));
    });
  });

  it('writes a town’s name as text: markup in it cannot become markup in the image', () => {
    const hostile = '<script>alert(1)</script>&镇';
    const files = firstChartFiles(
      reader(SAMPLES, (_, text) => text.replaceAll('段园镇', hostile)),
      echarts,
    ).files;
    const svg = files.get(firstChartImageOf(560)) ?? '';
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(labelsOf(svg.replaceAll('&lt;', '‹')).towns).toHaveLength(2);
  });

  it('gives new images a new version: a browser never shows a cached earlier image', () => {
    const before = descriptorOf(firstChartFiles(reader(SAMPLES), echarts).files);
    const after = descriptorOf(
      firstChartFiles(
        reader(SAMPLES, (path, text) =>
          path.endsWith('mediation.cases/2024.csv') ? text.replace(',608,', ',609,') : text,
        ),
        echarts,
      ).files,
    );
    expect(after.version).not.toBe(before.version);
    expect({ ...after, version: '' }).toEqual({ ...before, version: '' });
  });

  it('names a drawing that fails, and leaves the run the descriptor alone', () => {
    const broken = {
      init: () => {
        throw new Error('no renderer');
      },
    } as unknown as ChartLibrary;
    const { files, issues } = firstChartFiles(reader(SAMPLES), broken);
    expect([...files.keys()]).toEqual([FIRST_CHART_DESCRIPTOR]);
    expect(issues).toEqual([
      expect.objectContaining({
        file: `data/${FIRST_CHART_DESCRIPTOR}`,
        severity: 'warning',
        message: expect.stringContaining('no renderer'),
      }),
    ]);
  });

  it.each([
    [
      'a row whose town number index.json does not have',
      (path: string, text: string) =>
        path.endsWith('mediation.cases/2024.csv')
          ? text.replace(/^([^,\n]+),\d+,/m, '$1,99,')
          : text,
    ],
    [
      'an index that does not parse',
      (path: string, text: string) => (path === 'index.json' ? text.slice(0, 40) : text),
    ],
  ])('draws nothing for a folder with a problem: %s', (_, change) => {
    const files = firstChartFiles(reader(SAMPLES, change), echarts).files;
    expect([...files.keys()]).toEqual([FIRST_CHART_DESCRIPTOR]);
    // The page reads it as "no image" and does not ask for one.
    expect(readFirstChartDescriptor(JSON.parse(files.get(FIRST_CHART_DESCRIPTOR) ?? ''))).toBe(
      null,
    );
  });
});

describe('the descriptor as the page reads it', () => {
  const good = (): Record<string, unknown> =>
    JSON.parse(
      firstChartFiles(reader(SAMPLES), echarts).files.get(FIRST_CHART_DESCRIPTOR) ?? '',
    ) as Record<string, unknown>;

  it.each([
    ['another format', { format: 2 }],
    ['another catalog', { catalog: 'v0' }],
    ['a width this code never drew', { widths: [560, 561] }],
    ['a path for a width', { widths: ['../../index.html'] }],
    ['an unknown indicator', { indicator: 'x.y' }],
    ['a title that is not text', { title: { html: '<b>' } }],
    ['too many notes', { notes: ['a', 'b', 'c', 'd', 'e'] }],
    ['a height out of bounds', { height: 1e9 }],
    ['a version that is not a fingerprint', { version: '1/../../x' }],
  ])('refuses %s', (_, change) => {
    expect(readFirstChartDescriptor({ ...good(), ...change })).toBe(null);
  });

  it('refuses what is not an object', () => {
    for (const json of [null, 3, 'x', []]) expect(readFirstChartDescriptor(json)).toBe(null);
  });

  it('picks the widest image that fits, else the narrowest', () => {
    const d = readFirstChartDescriptor(good());
    if (d === null) throw new Error('no descriptor');
    const file = `${firstChartImageOf(560)}?v=${d.version}`;
    expect(firstChartImageFor(d, 574)).toEqual({ file, width: 560 });
    expect(firstChartImageFor(d, 560)).toEqual({ file, width: 560 });
    expect(firstChartImageFor(d, 2000).width).toBe(Math.max(...FIRST_CHART_WIDTHS));
    expect(firstChartImageFor(d, 100).width).toBe(Math.min(...FIRST_CHART_WIDTHS));
  });
});
