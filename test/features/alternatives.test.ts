import { describe, expect, it } from 'vitest';
import { alternativesText } from '../../src/features/source/alternatives';
import { value } from '../dataset/fixtures';

describe('alternativesText', () => {
  it('names the rule that chose the value, in the UI language', () => {
    const row = value('甲镇', 2024, 'mediation.cases', 200, {
      alternativeValues: [190, 150],
      chosenBy: ['full-year', 'full-year'],
    });
    expect(alternativesText('zh', row)).toBe(
      '报告中还出现了其他数值：190件、150件（选取规则：全年数值优先于“截至”某日的数值）',
    );
    expect(alternativesText('en', row)).toBe(
      'The report also states: 190 cases, 150 cases (chosen by the rule: a whole-year figure beats one counted only up to a date, written 截至…)',
    );
  });

  it('groups the values by rule, in the order the rules apply', () => {
    const row = value('甲镇', 2024, 'mediation.cases', 200, {
      alternativeValues: [120, 300],
      chosenBy: ['total', 'full-year'],
    });
    expect(alternativesText('zh', row)).toBe(
      '报告中还出现了其他数值：300件（选取规则：全年数值优先于“截至”某日的数值）；' +
        '120件（选取规则：标明“全年”“共”“累计”等合计字样的数值优先于未标明的数值）',
    );
  });

  it('keeps the general wording when the rule is not known, and names none for a correction', () => {
    const old = value('甲镇', 2024, 'mediation.cases', 200, { alternativeValues: [120] });
    expect(alternativesText('zh', old)).toBe(
      '报告中还出现了其他数值：120件（按既定规则选取当前值）',
    );
    const corrected = { ...old, correction: 'override' as const, note: '核实' };
    expect(alternativesText('zh', corrected)).toBe('报告中还出现了其他数值：120件');
    expect(alternativesText('zh', { ...old, alternativeValues: [] })).toBe('');
  });
});
