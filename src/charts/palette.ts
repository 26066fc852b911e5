/** Okabe–Ito: distinguishable with the common forms of colour blindness. */
export const PALETTE: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

/**
 * How a line past the palette's colours still looks like no other: the
 * first eight lines solid with circles, the next eight dashed with
 * triangles, then dotted with squares (a trend's ten towns, or a county's
 * twenty, never share a look), in the legend as on the plot.
 */
const LINE_LOOKS = [
  { type: 'solid', symbol: 'emptyCircle' },
  { type: 'dashed', symbol: 'emptyTriangle' },
  { type: 'dotted', symbol: 'emptyRect' },
] as const;

export interface LineLook {
  readonly color: string;
  readonly type: (typeof LINE_LOOKS)[number]['type'];
  readonly symbol: (typeof LINE_LOOKS)[number]['symbol'];
}

/** The look of slot `index`: a town's place among the lines (or bars) drawn together. */
export function lineLook(index: number): LineLook {
  const slot = Math.max(0, Math.floor(index));
  const look = LINE_LOOKS[Math.floor(slot / PALETTE.length) % LINE_LOOKS.length] ?? LINE_LOOKS[0];
  return { color: PALETTE[slot % PALETTE.length] ?? '#000', ...look };
}

export const BAR_COLOR = '#0072B2';
export const AXIS_COLOR = '#4a4a4a';
