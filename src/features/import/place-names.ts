/**
 * A place name typed in the review, checked as a name by the check the CLI
 * uses (parsePlaceName): normalised, or a message saying what is wrong. An
 * empty field is allowed: that part of the place is then not known.
 */
import { MAX_PLACE_NAME, parsePlaceName } from '../../extract/names';
import type { Lang } from '../../i18n';
import { importText } from '../../i18n/import';

export type PlaceNameCheck =
  { readonly ok: true; readonly name: string } | { readonly ok: false; readonly message: string };

/** A character as a message shows it: control and space characters by their code. */
function shown(char: string, lang: Lang): string {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{Cc}\p{Cf}\p{Z}]/u.test(char) ? code : importText(lang, 'quotedChar', { char });
}

export function checkPlaceName(raw: string, lang: Lang): PlaceNameCheck {
  if (raw.trim() === '') return { ok: true, name: '' };
  const parsed = parsePlaceName(raw);
  if (parsed.ok) return { ok: true, name: parsed.data };
  // Which character: the first one that is no name by itself (spaces aside). A
  // name longer than the limit is refused for its length whatever it holds.
  let refused: string | undefined;
  let looked = 0;
  for (const char of raw) {
    if (looked++ > MAX_PLACE_NAME) break;
    if (!/\s/u.test(char) && !parsePlaceName(char).ok) {
      refused = char;
      break;
    }
  }
  return {
    ok: false,
    message:
      refused === undefined
        ? importText(lang, 'nameTooLong', { max: MAX_PLACE_NAME })
        : importText(lang, 'nameRefused', { char: shown(refused, lang) }),
  };
}
