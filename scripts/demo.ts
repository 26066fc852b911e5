/**
 * `npm run demo [-- --build-only] [-- --port 4174]`
 *
 * The dashboard over a synthetic county, so a user can see trends and
 * changes since last year before their own second year of reports arrives
 * (the bundled sample has one year per town). The province generator writes
 * 20 towns × 4 years of one county (`.demo/reports/`, every text and file
 * name saying it is synthetic, towns skipping some years as real ones do);
 * the normal pipeline extracts them (`.demo/data/`); the same site is built
 * with VITE_DEMO=1 into `dist-demo/`, its data folder replaced by the demo's,
 * and every page says 演示数据（合成）/ demo data (synthetic) in its header.
 * Then it is served (vite preview) unless `--build-only`. The real sample
 * data (public/data, dist/) is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtCli } from './cli.mjs';

const { values } = parseArgs({
  options: {
    'build-only': { type: 'boolean', default: false },
    port: { type: 'string', default: '4174' },
  },
});

const root = process.cwd();
const demo = join(root, '.demo');
const reports = join(demo, 'reports');
const data = join(demo, 'data');
const DEMO_SITE = join(root, 'dist-demo');

function step(what: string, command: string, args: readonly string[], env = {}): void {
  console.log(`demo: ${what}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(`demo: ${what} failed (exit ${result.status ?? 'signal'})`);
    process.exit(1);
  }
}

rmSync(demo, { recursive: true, force: true });
const tsx = [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')];
step('writing a synthetic county (20 towns × 4 years)', process.execPath, [
  ...tsx,
  'scripts/gen-province.ts',
  '--out',
  reports,
  '--towns',
  '20',
  '--counties',
  '1',
  '--years',
  '4',
  '--seed',
  '7',
]);
step('extracting it', process.execPath, [
  await builtCli(),
  '--quiet',
  '--in',
  reports,
  '--out',
  data,
]);
step(
  'building the site',
  process.execPath,
  [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--outDir',
    DEMO_SITE,
    '--logLevel',
    'warn',
  ],
  { VITE_DEMO: '1', NODE_ENV: 'production' },
);
// The build copied the sample's data folder (public/data): the demo's replaces it.
rmSync(join(DEMO_SITE, 'data'), { recursive: true, force: true });
cpSync(data, join(DEMO_SITE, 'data'), { recursive: true });
console.log(`demo: the site is in ${DEMO_SITE}`);
if (!values['build-only']) {
  step('serving it (Ctrl+C stops)', process.execPath, [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'preview',
    '--outDir',
    DEMO_SITE,
    '--port',
    values.port,
  ]);
}
