/**
 * Entry point of `npm run extract`. See `--help`.
 *
 * May import: src/cli, src/extract, src/catalog, node:*.
 */
import { writeFileSync } from 'node:fs';
import { EXIT, HELP, parseCliArgs } from './args';
import { installExitCleanup } from './cleanup';
import { runExtractCli } from './run';
import { runStats } from './stats';

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`error: ${parsed.reason}\n\n${HELP}\n`);
    return EXIT.refused;
  }
  if (parsed.data.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT.clean;
  }
  installExitCleanup();
  let result;
  try {
    result = await runExtractCli(parsed.data);
  } catch (error) {
    // The run removed its staging folder on the way out; the output is as it was.
    process.stderr.write(
      `internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return EXIT.internal;
  }
  if (parsed.data.stats !== null)
    writeFileSync(parsed.data.stats, `${JSON.stringify(runStats(result))}\n`);
  return result.exitCode;
}

// Ended here rather than when the event loop empties: Node closes its signal handling
// before such an end, and a Ctrl+C that came then would kill the process as signalled
// (exit by SIGINT) over a finished output; the cleanup's handler stays until this call.
process.exit(await main());
