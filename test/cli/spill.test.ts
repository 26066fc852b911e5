/**
 * The spill file holds each report's mentions as arrays (src/cli/spill.ts):
 * read back, they must be the mentions the report gave, every field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionFields, mentionOf } from '../../src/cli/spill';
import type { QuotedMention } from '../../src/extract';
import { processReport } from '../helpers';

const FOLDERS = ['data/reports', 'test/fixtures/real/docs'];

function realMentions(): QuotedMention[] {
  const mentions: QuotedMention[] = [];
  for (const folder of FOLDERS) {
    for (const name of readdirSync(folder)) {
      if (!name.endsWith('.txt')) continue;
      mentions.push(...processReport(name, name, readFileSync(join(folder, name))).mentions);
    }
  }
  return mentions;
}

describe('spilled mentions', () => {
  const mentions = realMentions();

  it('come back as they went, every field, through JSON', () => {
    expect(mentions.length).toBeGreaterThan(100);
    // Both shapes: a figure summed from its parts, and one that is not.
    expect(mentions.some((m) => m.parts !== undefined)).toBe(true);
    expect(mentions.some((m) => m.parts === undefined)).toBe(true);
    for (const m of mentions) {
      const back = mentionOf(JSON.parse(JSON.stringify(mentionFields(m))) as unknown[]);
      // What the objects' JSON held before: the same fields and values.
      expect(back).toStrictEqual(JSON.parse(JSON.stringify(m)));
    }
  });

  it('take fewer bytes than the objects', () => {
    const arrays = JSON.stringify(mentions.map(mentionFields)).length;
    expect(arrays).toBeLessThan(JSON.stringify(mentions).length * 0.7);
  });
});
