import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../helpers';
import { AUTHORED } from '../fixtures/authored/expected';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'authored');

describe('reports in other provinces’ styles (authored for the tests)', () => {
  it.each(Object.entries(AUTHORED))(
    '%s yields exactly its hand-checked figures',
    (id, expected) => {
      const report = extractReport(id, readFileSync(join(DIR, `${id}.txt`), 'utf8'));
      const found = report.mentions.map((m) => `${m.indicator}=${m.value}`).sort();
      expect(found).toEqual(expected.map(([indicator, value]) => `${indicator}=${value}`).sort());
    },
  );
});
