/**
 * Chinese numerals as reports write them: 两万三千零五, 一百五 (= 150), 九十九点五.
 * Pure parsing; numbers.ts finds them in text.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Parses a Chinese integer such as 两万三千零五; null if it is not one. */
export function tryParseChineseInteger(text: string): number | null {
  if (text === '') return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  // 一百五 abbreviates 一百五十; 一百零五 does not.
  let digitFollowsUnit = false;
  let previousWasUnit = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    const small = SMALL_UNITS[ch];
    const big = BIG_UNITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return null;
      digit = d;
      digitFollowsUnit = previousWasUnit;
      previousWasUnit = false;
    } else if (small !== undefined) {
      if (small >= lastSmall) return null;
      let factor = digit;
      if (factor === null) {
        if (small !== 10 || section !== 0) return null;
        factor = 1;
      }
      section += factor * small;
      digit = null;
      lastSmall = small;
      previousWasUnit = true;
    } else if (big !== undefined) {
      if (big >= lastBig) return null;
      section += digit ?? 0;
      if (section === 0) return null;
      total = big === 1e8 ? (total + section) * big : total + section * big;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      lastBig = big;
      previousWasUnit = true;
    } else {
      return null;
    }
  }
  if (digit !== null && digit !== 0) {
    // 一百五 = 150, 两万五 = 25000: a trailing digit counts in the next unit down.
    if (digitFollowsUnit && lastSmall !== Infinity && lastSmall >= 100) {
      section += (digit * lastSmall) / 10;
    } else if (digitFollowsUnit && lastSmall === Infinity && lastBig !== Infinity) {
      section += (digit * lastBig) / 10;
    } else section += digit;
  }
  return total + section;
}

/** Chinese numeral with an optional decimal part: 九十九点五 → 99.5. */
export function tryParseChineseNumber(text: string): number | null {
  const dot = text.indexOf('点');
  if (dot < 0) return tryParseChineseInteger(text);
  const whole = tryParseChineseInteger(text.slice(0, dot));
  if (whole === null) return null;
  let fraction = '';
  for (const ch of text.slice(dot + 1)) {
    const d = DIGITS[ch];
    if (d === undefined) return null;
    fraction += String(d);
  }
  return fraction === '' ? null : Number(`${whole}.${fraction}`);
}
