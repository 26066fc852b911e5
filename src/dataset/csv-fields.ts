/**
 * The kinds of cell the data files hold, as zod schemas that turn CSV text
 * into typed values (or say what is wrong): shared by the files' row schemas
 * in parse.ts and the index's in parse-index.ts.
 */
import * as z from 'zod/mini';
import {
  QUALIFIERS,
  isIndicatorId,
  isResolutionRule,
  type IndicatorId,
  type Qualifier,
  type ResolutionRule,
} from '../catalog';
import { PLACE_FIELDS, type PlaceField } from '../extract/columns';
import { parseParts } from './model';

// No code generation: zod would otherwise compile parsers with `new Function`,
// which strict Content-Security-Policies (and the house rules) forbid.
z.config({ jitless: true });

export const text = z._default(z.string(), '');
export const int = z.pipe(
  z.string().check(z.regex(/^-?\d+$/, 'must be a whole number')),
  z.transform(Number),
);
export const optionalInt = z.pipe(
  z._default(z.string(), '').check(z.regex(/^(-?\d+)?$/, 'must be a whole number or empty')),
  z.transform((s: string) => (s === '' ? null : Number(s))),
);
export const year = z.pipe(
  z
    ._default(z.string(), '')
    .check(z.regex(/^((19|20)\d{2})?$/, 'must be a four-digit year or empty')),
  z.transform((s: string) => (s === '' ? null : Number(s))),
);
export const optionalNumber = z.pipe(
  z._default(z.string(), '').check(z.regex(/^(-?\d+(\.\d+)?)?$/, 'must be a number or empty')),
  z.transform((s: string) => (s === '' ? null : Number(s))),
);
export const bool = z.pipe(
  z.enum(['true', 'false']),
  z.transform((s: 'true' | 'false') => s === 'true'),
);
export const indicator = z.pipe(
  z.string().check(z.refine((s: string) => isIndicatorId(s), 'is not a catalog indicator')),
  z.transform((s: string) => s as IndicatorId),
);
export const optionalQualifier = z.pipe(
  z._default(z.enum([...QUALIFIERS, '']), ''),
  z.transform((q: Qualifier | ''): Qualifier => (q === '' ? '=' : q)),
);
export const NO_FIELDS: readonly PlaceField[] = Object.freeze([]);
export const placeFields = z.pipe(
  z
    ._default(z.string(), '')
    .check(
      z.refine(
        (s: string) => s.split(' ').every((f) => f === '' || PLACE_FIELDS.some((p) => p === f)),
        `must be ${PLACE_FIELDS.join(', ')}, separated by spaces`,
      ),
    ),
  z.transform((s: string) =>
    s === '' ? NO_FIELDS : (s.split(' ').filter((f) => f !== '') as PlaceField[]),
  ),
);
export const correction = z._default(z.enum(['', 'override', 'delete', 'add']), '');
export const numberList = z.pipe(
  z
    ._default(z.string(), '')
    .check(z.regex(/^(-?\d+(\.\d+)?(;-?\d+(\.\d+)?)*)?$/, 'must be numbers separated by ;')),
  z.transform((s: string) => (s === '' ? [] : s.split(';').map(Number))),
);
export const partList = z.pipe(
  z
    ._default(z.string(), '')
    .check(z.regex(/^([a-z_.]+@\d+-\d+(;[a-z_.]+@\d+-\d+)*)?$/, 'must be indicator@start-end;…')),
  z.transform(parseParts),
);

export const NO_RULES: readonly ResolutionRule[] = Object.freeze([]);
/**
 * The `chosen_by` column: a rule code per alternative value (see the
 * catalog's RESOLUTION_RULES). Not checked here: a file written before the
 * column existed, or by a later version with a rule this one does not know,
 * still loads (the row's rules are then unknown, see rulesFor).
 */
export const ruleList = z.pipe(
  z._default(z.string(), ''),
  z.transform((s: string) => (s === '' ? [] : s.split(';'))),
);

/** The rules of a row's alternatives, one per value; none when not all are known. */
export function rulesFor(
  codes: readonly string[],
  alternatives: readonly number[],
): readonly ResolutionRule[] {
  if (codes.length !== alternatives.length || codes.length === 0) return NO_RULES;
  return codes.every(isResolutionRule) ? codes : NO_RULES;
}
