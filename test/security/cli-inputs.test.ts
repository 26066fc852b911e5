/**
 * Careless and hostile inputs beside the reports: odd file names, links,
 * manifests and corrections in other encodings or with impossible values.
 * Each gets a message naming the file (and line), and the rest is written.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySamples, readCsv, run, tableRows } from '../helpers';

const HONGGE = 'sichuan-yanbian-hongge-2023';

/** GB18030 bytes of `text`, as Excel on a Chinese Windows saves a CSV. */
function gb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  const decoder = new TextDecoder('gb18030');
  // TextEncoder writes UTF-8 only: find each character's bytes by decoding candidates.
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (pair === undefined) throw new Error(`no GB18030 two-byte code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

async function runWith(files: Record<string, string | Uint8Array>) {
  const root = copySamples();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  const out = await run({ inDir: join(root, 'reports'), quiet: true });
  const values = tableRows(out.outDir, 'values');
  const reports = readCsv(join(out.outDir, 'reports.csv'));
  return { ...out, root, values, reports, errors: out.output.errors.join('\n') };
}

describe('a manifest or corrections file', () => {
  it.each([
    ['GB18030', gb18030],
    ['UTF-16 with BOM', utf16le],
  ])('saved as %s is read like a report', async (_, encode) => {
    const { result, reports, values, errors } = await runWith({
      'reports/reports.csv': encode(`report_id,town,city\n${HONGGE},红格镇,攀枝花市\n`),
      'corrections.csv': encode(
        `report_id,indicator,value,note\n${HONGGE},mediation.cases,210,区司法局核实\n`,
      ),
    });
    expect(errors).toBe('');
    expect(result.exitCode).toBe(0);
    expect(reports.find((r) => r['report_id'] === HONGGE)).toMatchObject({
      town: '红格镇',
      city: '攀枝花市',
    });
    const cases = values.find(
      (v) => v['report_id'] === HONGGE && v['indicator'] === 'mediation.cases',
    );
    expect(cases).toMatchObject({ value: '210', note: '区司法局核实' });
  });

  it('that is empty is no rows, not an error', async () => {
    const { result, errors } = await runWith({ 'corrections.csv': '', 'reports/reports.csv': '' });
    expect(errors).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('that is a folder stops the run before any work, naming it', async () => {
    const root = copySamples();
    const manifest = join(root, 'somewhere');
    mkdirSync(manifest);
    const { result, output } = await run({ inDir: join(root, 'reports'), manifest });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toContain(`${manifest}: cannot be read (EISDIR`);
  });

  it('with a quote left open stops the run: the rows after it cannot be told apart', async () => {
    const root = copySamples();
    const file = join(root, 'corrections.csv');
    writeFileSync(
      file,
      `report_id,indicator,value,note\n${HONGGE},mediation.cases,5,"checked\n${HONGGE},mediation.success_rate,50,x\n`,
    );
    const { result, output } = await run({ inDir: join(root, 'reports') });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toMatch(
      new RegExp(`${file}:\\d+: .*a quote is opened here and not closed`),
    );
  });

  it('that is not text stops the run before anything is written, naming it', async () => {
    const root = copySamples();
    const manifest = join(root, 'reports', 'reports.csv');
    writeFileSync(manifest, new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    const { result, output, outDir } = await run({ inDir: join(root, 'reports') });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toContain(`${manifest}: not a text file (binary file`);
    expect(() => readFileSync(join(outDir, 'index.json'))).toThrow();
  });
});

describe('a manifest row', () => {
  it('naming a place with markup is refused, the report keeps what detection read', async () => {
    const { result, reports, root, errors } = await runWith({
      'reports/reports.csv': [
        'report_id,town,county,title',
        `${HONGGE},<img src=x onerror=alert(1)>镇,,`,
        `tianjin-huanghuadian-2024,,武清区<script>,`,
        `shanghai-jingan-pengpu-2023,,,<b>彭浦镇</b>2023年法治政府建设情况报告`,
      ].join('\n'),
    });
    expect(result.exitCode).toBe(1);
    const manifest = join(root, 'reports', 'reports.csv');
    expect(errors).toContain(
      `${manifest}:2: error: town: town "<img src=x onerror=alert(1)>镇" holds "<"`,
    );
    expect(errors).toContain(`${manifest}:3: error: county: county "武清区<script>" holds "<"`);
    expect(errors).toContain(`${manifest}:4: error: title: title "<b>彭浦镇</b>2023年`);
    expect(reports.find((r) => r['report_id'] === HONGGE)?.['town']).toBe('红格镇');
    expect(JSON.stringify(reports)).not.toMatch(/[<>]/);
  });

  it('with a date that does not exist is refused', async () => {
    const { result, root, errors, reports } = await runWith({
      'reports/reports.csv': `report_id,published\n${HONGGE},2024-13-45\ntianjin-huanghuadian-2024,2023-02-29\n`,
    });
    expect(result.exitCode).toBe(1);
    const manifest = join(root, 'reports', 'reports.csv');
    expect(errors).toContain(
      `${manifest}:2: error: published: published is not a date of the calendar`,
    );
    expect(errors).toContain(
      `${manifest}:3: error: published: published is not a date of the calendar`,
    );
    expect(reports.find((r) => r['report_id'] === HONGGE)?.['published']).not.toBe('2024-13-45');
  });

  it('with fewer cells than columns is read, the missing cells empty', async () => {
    const { result, errors, reports } = await runWith({
      'reports/reports.csv': `report_id,town,county,city\n${HONGGE},红格镇\n`,
    });
    expect(errors).toBe('');
    expect(result.exitCode).toBe(0);
    expect(reports.find((r) => r['report_id'] === HONGGE)?.['from_manifest']).toBe('town');
  });

  it('with more cells than columns is refused, not applied with its cells shifted', async () => {
    const { result, root, errors, reports } = await runWith({
      'reports/reports.csv': `report_id,town,county\n${HONGGE},红格镇,盐边县,攀枝花市\n`,
    });
    expect(result.exitCode).toBe(1);
    expect(errors).toContain(`${join(root, 'reports', 'reports.csv')}:2: error: Too many fields`);
    expect(errors).toContain('the row is not applied');
    const hongge = reports.find((r) => r['report_id'] === HONGGE);
    expect(hongge?.['from_manifest']).toBe('');
  });
});

describe('a correction', () => {
  it('whose span lies outside its report is refused, not quoted as the whole text', async () => {
    const { result, root, errors, values } = await runWith({
      'corrections.csv': `report_id,indicator,value,start,end,note\n${HONGGE},mediation.cases,210,100,999999,\n`,
    });
    expect(result.exitCode).toBe(1);
    expect(errors).toMatch(
      new RegExp(
        `${join(root, 'corrections.csv')}:2: error: start and end must lie within the report's text \\(\\d+ characters\\)`,
      ),
    );
    const cases = values.find(
      (v) => v['report_id'] === HONGGE && v['indicator'] === 'mediation.cases',
    );
    expect(cases?.['value']).toBe('208');
  });

  it.each([
    ['mediation.success_rate', '105%', /105 is above 100%/],
    ['petition.visits_yoy', '-150%', /-150 is below -100%/],
  ])('of %s to %s is refused', async (indicator, value, message) => {
    const { result, errors } = await runWith({
      'corrections.csv': `report_id,indicator,value,note\n${HONGGE},${indicator},${value},\n`,
    });
    expect(result.exitCode).toBe(1);
    expect(errors).toMatch(message);
  });
});

describe('report files', () => {
  it('with odd names, links and loops are each named, and the rest is read', async () => {
    const root = copySamples();
    const reports = join(root, 'reports');
    const text = readFileSync(join(reports, `${HONGGE}.txt`));
    writeFileSync(join(reports, '..txt'), text);
    writeFileSync(join(reports, '.hidden-report.txt'), text);
    writeFileSync(join(reports, '<img src=x onerror=alert(1)>.txt'), text);
    symlinkSync(join(reports, 'gone.txt'), join(reports, 'broken-link.txt'));
    mkdirSync(join(reports, 'sub'));
    symlinkSync(reports, join(reports, 'sub', 'loop'));
    symlinkSync(join(reports, `${HONGGE}.txt`), join(reports, 'sub', 'linked-report.txt'));
    const { result, output, outDir } = await run({ inDir: reports, quiet: true });
    const errors = output.errors.join('\n');
    expect(errors).toMatch(/\.\.txt: warning: not read: hidden name/);
    expect(errors).toMatch(/\.hidden-report\.txt: warning: not read: hidden name/);
    expect(errors).toMatch(
      /<img src=x onerror=alert\(1\)>\.txt: error: not read: the report id .* holds "<"/,
    );
    expect(errors).toMatch(
      /broken-link\.txt: warning: not read: a link to something that does not exist/,
    );
    expect(errors).toMatch(
      /sub\/loop: warning: not read: this folder is reached twice through links/,
    );
    expect(result.exitCode).toBe(1);
    const ids = readCsv(join(outDir, 'reports.csv')).map((r) => r['report_id']);
    expect(ids).toContain('linked-report');
    expect(ids).toContain(HONGGE);
    expect(ids.some((id) => id?.includes('<'))).toBe(false);
  });

  it('that are no regular files (a pipe, a device) are named and not read', async () => {
    const root = copySamples();
    const reports = join(root, 'reports');
    execFileSync('mkfifo', [join(reports, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(reports, 'zero.txt'));
    const { result, output } = await run({ inDir: reports, quiet: true });
    const errors = output.errors.join('\n');
    expect(errors).toMatch(/pipe\.txt: warning: not read: not a regular file/);
    expect(errors).toMatch(/zero\.txt: warning: not read: not a regular file/);
    expect(result.exitCode).toBe(0);
  });

  it('with a name too long for its text are refused, and the rest is written', async () => {
    const root = copySamples();
    const reports = join(root, 'reports');
    const long = '红'.repeat(84);
    writeFileSync(join(reports, long), readFileSync(join(reports, `${HONGGE}.txt`)));
    const { result, output, outDir } = await run({ inDir: reports, quiet: true });
    expect(result.exitCode).toBe(1);
    expect(output.errors.join('\n')).toContain('the file name is too long for a report id');
    expect(readCsv(join(outDir, 'reports.csv')).map((r) => r['report_id'])).toContain(HONGGE);
  });

  it('never include the output folder, even through a link', async () => {
    const root = copySamples();
    const reports = join(root, 'reports');
    const outDir = join(root, 'out');
    expect((await run({ inDir: reports, outDir, quiet: true })).result.exitCode).toBe(0);
    symlinkSync(outDir, join(reports, 'published'));
    const { result, output } = await run({ inDir: reports, outDir, quiet: true });
    expect(output.errors.join('\n')).toMatch(
      /published: warning: not read: this is the output folder/,
    );
    expect(result.exitCode).toBe(0);
  });

  it('given to --in as a single file are refused with a message', async () => {
    const root = copySamples();
    const { result, output } = await run({ inDir: join(root, 'reports', `${HONGGE}.txt`) });
    expect(result.exitCode).toBe(2);
    expect(output.errors.join('\n')).toContain(
      'is a file; give a folder of reports, a zip of them or a publish package',
    );
    rmSync(root, { recursive: true });
  });
});
