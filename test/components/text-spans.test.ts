import { describe, expect, it } from 'vitest';
import { inSentence, sentenceAround } from '../../src/components/text-spans';

describe('sentenceAround', () => {
  const text = '一、基本情况\n全年调解矛盾纠纷608件，调解成功率99.5%。开展普法活动25场。';
  it('widens a span to its sentence, end mark included', () => {
    const at = text.indexOf('608件');
    const s = sentenceAround(text, at, at + 4);
    expect(text.slice(s.start, s.end)).toBe('全年调解矛盾纠纷608件，调解成功率99.5%。');
  });
  it('stops at a line break and at the end of the text', () => {
    const at = text.indexOf('25场');
    expect(text.slice(...Object.values(sentenceAround(text, at, at + 3)))).toBe(
      '开展普法活动25场。',
    );
    expect(text.slice(...Object.values(sentenceAround(text, 2, 4)))).toBe('一、基本情况');
  });
});

describe('sentenceAround in a text without sentence ends', () => {
  it('looks at most 400 characters either side', () => {
    const text = `${'字'.repeat(5000)}608件${'字'.repeat(5000)}`;
    const s = sentenceAround(text, 5000, 5004);
    expect(s).toEqual({ start: 4600, end: 5404 });
  });
});

describe('inSentence', () => {
  it('gives a figure its sentence, in three parts', () => {
    const text = '一、基本情况\n  全年调解矛盾纠纷608件，调解成功率99.5%。下一句。';
    const at = text.indexOf('608件');
    expect(inSentence(text, at, at + 4)).toEqual({
      before: '全年调解矛盾纠纷',
      figure: '608件',
      after: '，调解成功率99.5%。',
    });
  });

  it('cuts a long sentence around its figure', () => {
    const text = `${'甲'.repeat(200)}共3个${'乙'.repeat(200)}。`;
    const at = text.indexOf('3个');
    const { before, figure, after } = inSentence(text, at, at + 2);
    expect(figure).toBe('3个');
    expect(before).toBe(`…${'甲'.repeat(60 - 1)}共`);
    expect(after).toBe(`${'乙'.repeat(60)}…`);
  });
});

describe("the sentence is the extractor's", () => {
  it.each(['。', '！', '？', '；', '!', '?', ';', '\n'])('ends at %j', (mark) => {
    const text = `上一句${mark}调解纠纷56件${mark}下一句`;
    const at = text.indexOf('56');
    const { start, end } = sentenceAround(text, at, at + 3);
    expect(text.slice(start, end).replace('\n', '')).toBe(
      `调解纠纷56件${mark === '\n' ? '' : mark}`,
    );
  });
});
