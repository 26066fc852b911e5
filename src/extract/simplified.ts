/**
 * Reports typed in traditional characters (調解糾紛208件) are read as
 * simplified for matching, with OpenCC's Hong Kong → mainland tables
 * (opencc-js). Offsets found in the converted copy must point into the text
 * the user sees, so the copy has exactly its length: one UTF-16 unit for one.
 * Only the CLI and the import worker reach this module (the dashboard's own
 * bundle never does): these tables are some 45 kB.
 */
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import fromHongKong from 'opencc-js/from/hk';
import toMainland from 'opencc-js/to/cn';
import { charTable, foldCounting, type FoldedText } from './text';

let converter: ConverterFunction | null = null;
/** 1 for a character that has a simplified form of one UTF-16 unit. */
let convertible: Uint8Array | null = null;

function convertibleCharacters(): Uint8Array {
  convertible ??= charTable(
    TSCharacters.split('|').flatMap((entry) => {
      const [from, to] = entry.split(' ');
      return from?.length === 1 && to?.length === 1 && from !== to ? [from] : [];
    }),
  );
  return convertible;
}

/** Built on the first traditional report: a few milliseconds. */
function hongKongToMainland(): ConverterFunction {
  converter ??= ConverterFactory(fromHongKong, toMainland);
  return converter;
}

/**
 * A text is taken as traditional when at least one in twenty of its Han
 * characters has a simplified form: in a traditional report about one in
 * four has; in a simplified one next to none (乾坤, 於是, a quoted name). So
 * simplified reports, nearly all of them, are not converted at all, which
 * also leaves their 乾/於/餘 alone.
 */
const isTraditional = ({ han, marked }: FoldedText): boolean => marked > 0 && marked * 20 >= han;

/** Runs of Han characters of one UTF-16 unit each: OpenCC's phrases lie within one. */
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/**
 * The text folded (foldForMatching) and, if traditional (isTraditional),
 * simplified: in one pass over it, which folds and counts what tells a
 * traditional text.
 */
export function foldAndSimplify(text: string): string {
  const folded = foldCounting(text, convertibleCharacters());
  return isTraditional(folded) ? simplified(folded.folded) : folded.folded;
}

/**
 * The text with traditional characters made simplified, every other character
 * kept, at the same length. A phrase table may map a character to one beyond
 * the BMP (two units, 二噁英 → 二𫫇英); no table in use shortens one, so a run
 * that comes back at its own length was converted character for character.
 * A run that does not is converted one character at a time, keeping any
 * character whose simplified form has another length.
 */
function simplified(text: string): string {
  const convert = hongKongToMainland();
  return text.replace(HAN_RUN, (run) => {
    const converted = convert(run);
    if (converted.length === run.length) return converted;
    let out = '';
    for (const ch of run) {
      const one = convert(ch);
      out += one.length === ch.length ? one : ch;
    }
    return out;
  });
}
