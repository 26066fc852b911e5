/**
 * An export's sentences come from the values files index.json lists, read at
 * the size it gives them, as the rows were: a file replaced on the server since
 * the page loaded must not pair a value with another run's sentence.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndicatorId } from '../../src/catalog';
import type { IndexIndicator } from '../../src/extract/data-index';
import { quoteKey } from '../../src/dataset/model';
import { quotesOf } from '../../src/dataset/quotes';
import { value } from './fixtures';

const HEADER = 'report_id,town_number,value,quote';
const CASES = [
  HEADER,
  '甲镇-2024,0,150,全年共调解矛盾纠纷150件',
  '乙镇-2024,1,190,"共受理纠纷190余件，调解成功率100%"',
].join('\n');
const RATES = [HEADER, '甲镇-2024,0,97,调解成功率达97%'].join('\n');

// Named otherwise than the layout's own path: the file fetched is the one index.json lists.
const SERVED: Record<string, string> = {
  'indicators/mediation.cases/2024-b.csv': CASES,
  'indicators/mediation.success_rate/2024-b.csv': RATES,
};

/** index.json's entry for an indicator's 2024 file, of `bytes` (by default its size as served). */
const listed = (id: IndicatorId, bytes?: number): [IndicatorId, IndexIndicator] => {
  const file = `indicators/${id}/2024-b.csv`;
  return [
    id,
    {
      id,
      values: 1,
      years: [{ year: 2024, file, rows: 1, bytes: bytes ?? Buffer.byteLength(SERVED[file] ?? '') }],
    },
  ];
};

const ROWS = [
  value('甲镇', 2024, 'mediation.cases', 150),
  value('乙镇', 2024, 'mediation.cases', 190),
  value('甲镇', 2024, 'mediation.success_rate', 97),
];

const requested: string[] = [];

beforeEach(() => {
  requested.length = 0;
  vi.stubGlobal('document', { baseURI: 'http://site/sub/' });
  vi.stubGlobal('fetch', (url: string) => {
    requested.push(url);
    const text = SERVED[url.replace('http://site/sub/data/', '')];
    return Promise.resolve(new Response(text ?? '', { status: text === undefined ? 404 : 200 }));
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('quotesOf', () => {
  it("gives each row its file's sentence, one request per file", async () => {
    const files = new Map([listed('mediation.cases'), listed('mediation.success_rate')]);
    const { quotes, unread } = await quotesOf(ROWS, files);
    expect(unread).toEqual([]);
    expect(Object.fromEntries(quotes)).toEqual({
      [quoteKey('甲镇-2024', 'mediation.cases')]: '全年共调解矛盾纠纷150件',
      [quoteKey('乙镇-2024', 'mediation.cases')]: '共受理纠纷190余件，调解成功率100%',
      [quoteKey('甲镇-2024', 'mediation.success_rate')]: '调解成功率达97%',
    });
    expect(requested.sort()).toEqual([
      'http://site/sub/data/indicators/mediation.cases/2024-b.csv',
      'http://site/sub/data/indicators/mediation.success_rate/2024-b.csv',
    ]);
  });

  it('leaves empty the quotes of a file not of the size index.json lists, and names it; the others stand', async () => {
    const replaced = Buffer.byteLength(CASES) + 12;
    const files = new Map([listed('mediation.cases', replaced), listed('mediation.success_rate')]);
    const { quotes, unread } = await quotesOf(ROWS, files);
    expect([...quotes.keys()]).toEqual([quoteKey('甲镇-2024', 'mediation.success_rate')]);
    expect(unread).toEqual(['data/indicators/mediation.cases/2024-b.csv']);
  });

  it('asks for nothing for a value imported in this browser, or of a year index.json has no file for', async () => {
    const files = new Map([listed('mediation.cases')]);
    const rows = [
      value('甲镇', 2024, 'mediation.cases', 150, { local: true }),
      value('甲镇', 2023, 'mediation.cases', 140),
      value('甲镇', 2024, 'mediation.success_rate', 97),
    ];
    expect(await quotesOf(rows, files)).toEqual({ quotes: new Map(), unread: [] });
    expect(requested).toEqual([]);
  });
});
