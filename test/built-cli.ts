/**
 * Vitest global setup: the extraction CLI bundled into dist-cli/ (as `npm run
 * extract` runs it) before any test spawns it, so the tests run what users run
 * and no test pays for compiling TypeScript at each start.
 */
import { builtCli } from '../scripts/cli.mjs';

export default async function setup(): Promise<void> {
  await builtCli();
}
