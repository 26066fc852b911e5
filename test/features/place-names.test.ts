import { describe, expect, it } from 'vitest';
import { checkPlaceName } from '../../src/features/import/place-names';

describe('checkPlaceName (the review form’s town, county, city and province)', () => {
  it('takes a name, normalised, and an empty field (not known)', () => {
    expect(checkPlaceName('  红格镇 ', 'zh')).toEqual({ ok: true, name: '红格镇' });
    expect(checkPlaceName('Hongge  Town', 'en')).toEqual({ ok: true, name: 'Hongge Town' });
    expect(checkPlaceName('黄花店镇（新）', 'zh')).toEqual({ ok: true, name: '黄花店镇（新）' });
    expect(checkPlaceName('  ', 'zh')).toEqual({ ok: true, name: '' });
  });

  it('refuses markup, saying which character, in either language', () => {
    expect(checkPlaceName('<img src=x onerror=alert(1)>镇', 'zh')).toEqual({
      ok: false,
      message: '名称中不能有 “<”：名称只由文字、数字、空格和名称中的标点组成，未保存',
    });
    expect(checkPlaceName('<img src=x onerror=alert(1)>镇', 'en')).toEqual({
      ok: false,
      message:
        'A name cannot hold “<”: names are letters, digits, spaces and the punctuation names use; not saved',
    });
  });

  it('names an invisible character by its code, and a name too long by the limit', () => {
    expect(checkPlaceName('红格\u202e镇', 'zh')).toMatchObject({
      message: expect.stringContaining('U+202E'),
    });
    expect(checkPlaceName('镇'.repeat(41), 'en')).toEqual({
      ok: false,
      message: 'Too long: at most 40 characters; not saved',
    });
  });
});
