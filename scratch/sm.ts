import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const dir = '/tmp/sm-build/assets/';
const f = readdirSync(dir).find((n) => /^index-.*\.js$/.test(n))!;
const code = readFileSync(dir + f, 'utf8');
const map = JSON.parse(readFileSync(dir + f + '.map', 'utf8'));
// decode VLQ mappings to attribute generated chars to sources
const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lines = code.split('\n'); const sizes = new Map<string, number>();
let src = 0; const ml = map.mappings.split(';');
for (let li = 0; li < ml.length; li++) {
  let col = 0; const segs = ml[li].split(',').filter(Boolean); const line = lines[li] ?? '';
  const pts: [number, number][] = [];
  for (const seg of segs) { const vals: number[] = []; let v = 0, sh = 0; for (const ch of seg) { let d = chars.indexOf(ch); const cont = d & 32; d &= 31; v += d << sh; if (cont) sh += 5; else { vals.push(v & 1 ? -(v >> 1) : v >> 1); v = 0; sh = 0; } }
    col += vals[0]!; if (vals.length > 1) src += vals[1]!; pts.push([col, src]); }
  for (let i = 0; i < pts.length; i++) { const end = i + 1 < pts.length ? pts[i + 1]![0] : line.length; const s = map.sources[pts[i]![1]]; sizes.set(s, (sizes.get(s) ?? 0) + end - pts[i]![0]); }
}
const total = code.length; console.log(f, total, 'gzip', gzipSync(code, { level: 9 }).length);
const byPkg = new Map<string, number>();
for (const [s, n] of sizes) { const k = s.includes('node_modules') ? s.split('node_modules/')[1]!.split('/').slice(0, s.includes('@') ? 2 : 1).join('/') : s.replace(/^\.\.\//, ''); byPkg.set(k, (byPkg.get(k) ?? 0) + n); }
for (const [k, n] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(String(n).padStart(8), k);
