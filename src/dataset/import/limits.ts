/** Larger files are refused before reading: no township report is this big. */
export const MAX_BYTES = 50 * 1024 * 1024;
