import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, reportIdOf } from '../../src/importer/workspace';
import { localRowsOf } from '../../src/importer/local';
import { run, tableRows } from '../helpers';
import { docxOf } from './docx';
import { word97 } from './office';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'reports');
const text = (name: string): string => readFileSync(join(SAMPLE, name), 'utf8');
/** One report of 北格镇 imported alone. */
const importBeige = (report: string) =>
  importFiles(
    [{ name: 'beige-2024.txt', bytes: new TextEncoder().encode(report) }],
    new Set(),
    () => {},
  );

describe('importFiles', () => {
  it('finds in a .txt, a .docx and a saved web page exactly what the CLI finds in the same reports', async () => {
    const { outDir } = await run({ quiet: true });
    const cli = tableRows(outDir, 'values');
    const progress: string[] = [];
    const batch = await importFiles(
      [
        {
          name: 'sichuan-yanbian-hongge-2023.txt',
          bytes: new Uint8Array(readFileSync(join(SAMPLE, 'sichuan-yanbian-hongge-2023.txt'))),
        },
        {
          name: 'anhui-huaibei-duanyuan-2024.docx',
          bytes: docxOf(text('anhui-huaibei-duanyuan-2024.txt')),
        },
        {
          name: 'tianjin-huanghuadian-2024.html',
          bytes: new TextEncoder().encode(
            '<html><head><meta charset="utf-8"><title>报告_武清区人民政府</title></head><body>' +
              '<div class="crumb">当前位置：首页 &gt; 政务公开</div><div class="content">' +
              text('tianjin-huanghuadian-2024.txt')
                .split('\n')
                .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
                .join('') +
              '</div><div class="footer">主办：武清区人民政府</div></body></html>',
          ),
        },
      ],
      new Set(),
      (done, total, file) => progress.push(`${done}/${total} ${file}`),
    );
    expect(progress).toEqual([
      '1/3 sichuan-yanbian-hongge-2023.txt',
      '2/3 anhui-huaibei-duanyuan-2024.docx',
      '3/3 tianjin-huanghuadian-2024.html',
    ]);
    expect(batch.reports).toHaveLength(3);
    expect(batch.problems).toEqual([]);
    for (const report of batch.reports) {
      const expected = cli
        .filter((v) => v['report_id'] === report.reportId && v['value'] !== '')
        .map((v) => `${v['indicator']}=${Number(v['value'])}`)
        .sort();
      expect(report.values.map((v) => `${v.indicator}=${v.found}`).sort()).toEqual(expected);
      expect(report.values.every((v) => v.decision === 'pending')).toBe(true);
      // Every value keeps its span in the imported text.
      for (const v of report.values.filter((x) => !x.derived)) {
        expect(v.start).not.toBeNull();
        expect(report.text.slice(v.start ?? 0, v.end ?? 0)).toMatch(/\d/);
      }
    }
    expect(batch.reports.map((r) => r.metadata.town).sort()).toEqual([
      '段园镇',
      '红格镇',
      '黄花店镇',
    ]);
    expect(batch.reports.find((r) => r.metadata.town === '段园镇')?.format).toBe('docx');
    const page = batch.reports.find((r) => r.metadata.town === '黄花店镇');
    expect(page).toMatchObject({ format: 'html', encoding: 'utf-8' });
    expect(page?.text).not.toContain('当前位置');
  });

  it('keeps a summed value’s parts through the review to the dashboard’s rows', async () => {
    const report =
      '北格镇2024年法治政府建设情况报告\n全镇12个行政村、3个社区均聘请了法律顾问。\n北格镇人民政府';
    const batch = await importBeige(report);
    const imported = batch.reports.map((r) => ({
      ...r,
      sourceKey: r.reportId,
      values: r.values.map((v) => ({ ...v, decision: 'accepted' as const })),
    }));
    const row = localRowsOf(imported).find((r) => r.indicator === 'legal_advisor.villages_covered');
    expect(row?.value).toBe(15);
    expect(row?.derived).toBe(true);
    expect(row?.parts.map((p) => report.slice(p.start, p.end))).toEqual(['12', '3']);
    // Edited, the value is the reviewer's: no longer the parts' sum.
    const edited = imported.map((r) => ({
      ...r,
      values: r.values.map((v) => ({ ...v, decision: 'edited' as const, edited: 16 })),
    }));
    const mine = localRowsOf(edited).find((r) => r.indicator === 'legal_advisor.villages_covered');
    expect(mine).toMatchObject({ value: 16, derived: false, parts: [] });
  });

  it('shows no rate derived from a count the reviewer rejected or changed', async () => {
    const report =
      '北格镇2024年法治政府建设情况报告\n全年共调解矛盾纠纷208件，成功调解207件。\n北格镇人民政府';
    const batch = await importBeige(report);
    const reviewed = (
      decide: (indicator: string) => {
        decision: 'accepted' | 'edited' | 'rejected';
        edited: number | null;
      },
    ) =>
      batch.reports.map((r) => ({
        ...r,
        sourceKey: r.reportId,
        values: r.values.map((v) => ({ ...v, ...decide(v.indicator) })),
      }));
    const rateOf = (rows: ReturnType<typeof localRowsOf>) =>
      rows.find((r) => r.indicator === 'mediation.success_rate');
    const accepted = { decision: 'accepted' as const, edited: null };
    expect(rateOf(localRowsOf(reviewed(() => accepted)))).toMatchObject({
      value: 99.52,
      derived: true,
    });
    // The whole corrected to 210, or the part rejected: 207 of 208 is no longer what is shown.
    const cases210 = reviewed((id) =>
      id === 'mediation.cases' ? { decision: 'edited', edited: 210 } : accepted,
    );
    expect(rateOf(localRowsOf(cases210))).toBeUndefined();
    expect(localRowsOf(cases210).find((r) => r.indicator === 'mediation.cases')?.value).toBe(210);
    const noPart = reviewed((id) =>
      id === 'mediation.resolved' ? { decision: 'rejected', edited: null } : accepted,
    );
    expect(rateOf(localRowsOf(noPart))).toBeUndefined();
    // "Edited" to the number it was: the rate stays.
    const same = reviewed((id) =>
      id === 'mediation.cases' ? { decision: 'edited', edited: 208 } : accepted,
    );
    expect(rateOf(localRowsOf(same))).toMatchObject({ value: 99.52, derived: true });
  });

  it('reports each bad file and still imports the rest of the batch', async () => {
    const batch = await importFiles(
      [
        { name: 'scan.pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) },
        {
          name: 'locked.docx',
          bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        },
        { name: 'menu.txt', bytes: new TextEncoder().encode('食堂菜单：周一米饭，周二面条。') },
        {
          name: 'tianjin-huanghuadian-2024.txt',
          bytes: new TextEncoder().encode(text('tianjin-huanghuadian-2024.txt')),
        },
      ],
      new Set(),
    );
    expect(
      batch.problems.map((p) => `${p.file}: ${'note' in p ? p.note.code : p.problem}`),
    ).toEqual(['scan.pdf: corrupt', 'locked.docx: corrupt', 'menu.txt: not_a_report']);
    expect(batch.reports.map((r) => r.metadata.town)).toEqual(['黄花店镇']);
  });
});

describe('a report dropped twice', () => {
  it('is imported once; the other file is named as the same report', async () => {
    const id = 'tianjin-huanghuadian-2024';
    const batch = await importFiles(
      [
        { name: `${id}.doc`, bytes: word97(id) },
        { name: '黄花店镇.txt', bytes: new TextEncoder().encode(text(`${id}.txt`)) },
      ],
      new Set(),
    );
    expect(batch.reports.map((r) => [r.file, r.format])).toEqual([['黄花店镇.txt', 'txt']]);
    expect(batch.problems).toEqual([
      {
        file: `${id}.doc`,
        note: { code: 'same_report', params: { report: '黄花店镇', file: '黄花店镇.txt' } },
      },
    ]);
  });
});

describe('reportIdOf', () => {
  it('takes the base name, made safe for a file name and unique', () => {
    expect(reportIdOf('段园镇 2024年报告.docx', new Set())).toBe('段园镇-2024年报告');
    expect(reportIdOf('a/b/x.txt', new Set(['x', 'x-2']))).toBe('x-3');
    expect(reportIdOf('.txt', new Set())).toBe('report');
  });
});
