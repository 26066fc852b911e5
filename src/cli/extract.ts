/**
 * Entry point of `npm run extract`. See `--help`.
 *
 * May import: src/cli, src/extract, src/catalog, node:*.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { HELP, parseCliArgs } from './args';
import { listReportFiles } from './files';
import { runExtract, runExtractParallel } from './run';

/** Below this many reports, starting threads costs more than it saves. */
const PARALLEL_FROM = 200;

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`error: ${parsed.reason}\n\n${HELP}\n`);
    return 2;
  }
  if (parsed.data.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const options = parsed.data;
  const workers =
    options.workers ??
    (existsSync(options.inDir) && listReportFiles(options.inDir).length >= PARALLEL_FROM
      ? availableParallelism()
      : 1);
  const result = workers > 1 ? await runExtractParallel(options, workers) : runExtract(options);
  if (parsed.data.stats !== null) {
    const stats = {
      seconds: result.seconds,
      bytes: result.bytesRead,
      reports: result.datasets?.reports.length ?? 0,
      maxRssKb: process.resourceUsage().maxRSS,
      uptimeSeconds: process.uptime(),
    };
    writeFileSync(parsed.data.stats, `${JSON.stringify(stats)}\n`);
  }
  return result.exitCode;
}

process.exitCode = await main();
