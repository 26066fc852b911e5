/**
 * Whether this build is the demo over a synthetic county (`npm run demo`
 * builds with VITE_DEMO=1): its header then says so on every page, on
 * screen and on paper, from the first paint on.
 */
export const IS_DEMO = import.meta.env.VITE_DEMO === '1';
