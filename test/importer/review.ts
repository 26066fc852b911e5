/** A figure as the review table holds it before its reviewer acts: mediation.cases, `found` 件. */
import type { ReviewValue } from '../../src/importer/workspace';

export const pendingCases = (found: number): ReviewValue => ({
  indicator: 'mediation.cases',
  found,
  unit: '件',
  qualifier: '=',
  start: 0,
  end: 2,
  derived: false,
  decision: 'pending',
  edited: null,
});
