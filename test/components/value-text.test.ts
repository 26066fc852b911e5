import { describe, expect, it } from 'vitest';
import { valueFlag } from '../../src/components/value-text';
import { value } from '../dataset/fixtures';

describe('valueFlag', () => {
  it('marks an import not yet published, and what its value is, as a published one', () => {
    const plain = value('甲镇', 2024, 'mediation.cases', 208);
    expect(valueFlag(plain)).toBe('');
    expect(valueFlag({ ...plain, correction: 'override' })).toBe(' ✎');
    expect(valueFlag({ ...plain, derived: true })).toBe(' ∑');
    expect(valueFlag({ ...plain, alternativeValues: [120] })).toBe(' ⋯');
    // Imported here: ⌂, and still computed (∑) or edited by its reviewer (✎).
    expect(valueFlag({ ...plain, local: true })).toBe(' ⌂');
    expect(valueFlag({ ...plain, local: true, derived: true })).toBe(' ⌂∑');
    expect(valueFlag({ ...plain, local: true, correction: 'override' })).toBe(' ⌂✎');
  });
});
