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

export const BAR_COLOR = '#0072B2';
export const AXIS_COLOR = '#4a4a4a';
