/**
 * `npm run gen:province -- --out DIR [--towns 2000] [--counties 100] [--years 10] [--seed 1]`
 *
 * Writes a synthetic province: report texts for every town and year (with
 * realistic gaps: towns that skip years, indicators few towns report) plus a
 * `reports.csv` manifest naming province, city, county, town and year. Every
 * text says it is synthetic and every file name starts with `synthetic-`: it
 * is test material for scale, never bundled as real data. Run the normal
 * pipeline on DIR (`npm run extract -- --in DIR --out …`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { countyName, generateReport, seededRandom, townName } from './synth/generate';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    towns: { type: 'string', default: '2000' },
    counties: { type: 'string', default: '100' },
    years: { type: 'string', default: '10' },
    'last-year': { type: 'string', default: '2024' },
    seed: { type: 'string', default: '1' },
  },
});
if (values.out === undefined) {
  console.error('usage: npm run gen:province -- --out DIR [--towns N] [--counties N] [--years N]');
  process.exit(2);
}
const out = values.out;
const townCount = Number(values.towns);
const countyCount = Math.max(1, Math.min(Number(values.counties), townCount));
const yearCount = Number(values.years);
const lastYear = Number(values['last-year']);
const r = seededRandom(Number(values.seed));

const PROVINCE = '合成省';
const cities = ['甲市', '乙市', '丙市', '丁市', '戊市', '己市', '庚市', '辛市'];

mkdirSync(out, { recursive: true });
const manifest: string[][] = [];
const usedTowns = new Set<string>();
const usedCounties = new Set<string>();
let files = 0;
let bytes = 0;
for (let c = 0; c < countyCount; c++) {
  let county = countyName(r);
  while (usedCounties.has(county)) county = countyName(r);
  usedCounties.add(county);
  const city = cities[c % cities.length] ?? '甲市';
  const towns = Math.floor(townCount / countyCount) + (c < townCount % countyCount ? 1 : 0);
  for (let t = 0; t < towns; t++) {
    let town = townName(r);
    while (usedTowns.has(`${county}${town}`)) town = townName(r);
    usedTowns.add(`${county}${town}`);
    // Some towns report every year, some skip many; few state every indicator.
    const reportRate = 0.55 + r() * 0.45;
    const share = 0.3 + r() * 0.6;
    for (let y = lastYear - yearCount + 1; y <= lastYear; y++) {
      if (r() > reportRate) continue;
      const report = generateReport(r, town, county, y, 4000, share);
      const id = `synthetic-${c.toString().padStart(3, '0')}-${t.toString().padStart(3, '0')}-${y}`;
      writeFileSync(join(out, `${id}.txt`), report.text);
      manifest.push([id, town, county, city, PROVINCE, String(y)]);
      files++;
      bytes += Buffer.byteLength(report.text);
    }
  }
}
writeFileSync(
  join(out, 'reports.csv'),
  `${Papa.unparse({ fields: ['report_id', 'town', 'county', 'city', 'province', 'year'], data: manifest }, { newline: '\n' })}\n`,
);
console.log(
  `wrote ${files} synthetic reports (${(bytes / 1e6).toFixed(1)} MB) for ${usedTowns.size} towns in ${usedCounties.size} counties, ${lastYear - yearCount + 1}–${lastYear}, to ${out}`,
);
