/**
 * opencc-js publishes its single tables (dist/esm-lib, reached through the
 * package's `./*` export) without types; these say what they hold, so that
 * only the tables in use are imported (see simplified.ts).
 */
declare module 'opencc-js/dict/*' {
  /** `from to|from to|…`: one entry per mapping. */
  const dict: string;
  export default dict;
}

declare module 'opencc-js/from/*' {
  import type { DictGroup } from 'opencc-js/core';
  /** A locale's tables into OpenCC's standard traditional, in the order applied. */
  const groups: readonly DictGroup[];
  export default groups;
}

declare module 'opencc-js/to/*' {
  import type { DictGroup } from 'opencc-js/core';
  /** OpenCC's standard traditional into a locale, in the order applied. */
  const groups: readonly DictGroup[];
  export default groups;
}
