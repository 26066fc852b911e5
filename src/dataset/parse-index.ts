/**
 * data/index.json → the index of the published data (towns, years, the files
 * of each indicator and county), validated like every CSV row.
 */
import * as z from 'zod/mini';
import { CATALOG_VERSION } from '../catalog';
import { INDEX_FORMAT, type DataIndex } from '../extract/data-index';
import { fileError, type Issue } from '../extract/result';
import { indicator } from './csv-fields';
import { issueText } from './parse';

const indexFile = z.object({
  file: z.string().check(z.regex(/^[\w.-]+(\/[\w.-]+)*\.csv$/, 'must be a CSV path inside data/')),
  rows: z.number().check(z.int(), z.gte(0)),
  bytes: z.number().check(z.int(), z.gte(0)),
});

const indexSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  // Absent in folders written before it was.
  catalog: z.optional(z.string()),
  towns: z.array(
    z.object({
      id: z.string().check(z.minLength(1)),
      name: z.string(),
      county: z.string(),
      city: z.string(),
      province: z.string(),
      years: z.array(z.number().check(z.int())),
    }),
  ),
  years: z.array(z.number().check(z.int())),
  reports: indexFile,
  indicators: z.array(
    z.object({
      id: indicator,
      values: z.number().check(z.int(), z.gte(0)),
      years: z.array(z.extend(indexFile, { year: z.number().check(z.int()) })),
    }),
  ),
  counties: z.array(
    z.object({
      key: z.string(),
      values: indexFile,
      reports: indexFile,
    }),
  ),
  texts: z.array(z.number().check(z.int(), z.gte(0))),
});

/** data/index.json: towns, years, the files of each indicator and of each county. */
export function parseIndex(
  json: string,
  file = 'index.json',
): { index: DataIndex | null; errors: Issue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return {
      index: null,
      errors: [fileError(file, `is not JSON (${error instanceof Error ? error.message : ''})`)],
    };
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== INDEX_FORMAT) {
    return {
      index: null,
      errors: [
        fileError(
          file,
          `is data layout format ${String(format)}; this dashboard reads format ${INDEX_FORMAT}: run the extraction again (npm run extract)`,
        ),
      ],
    };
  }
  const result = z.safeParse(indexSchema, raw);
  if (!result.success) return { index: null, errors: [fileError(file, issueText(result.error))] };
  return { index: result.data, errors: catalogProblems(result.data, file) };
}

/**
 * Data extracted with another catalog version may read its rules, units or
 * ids differently: still shown (the layout is the same), with a warning to
 * rebuild it. A folder written before the version was recorded has none.
 */
function catalogProblems(index: DataIndex, file: string): Issue[] {
  const built = index.catalog;
  if (built === undefined || built === CATALOG_VERSION) return [];
  const params = { file, built, reads: CATALOG_VERSION };
  return [
    {
      file,
      severity: 'warning',
      message: `the data was built with catalog ${built}, this app reads ${CATALOG_VERSION}: rebuild it (npm run extract)`,
      wording: { key: 'catalogVersionMismatch', params },
    },
  ];
}
