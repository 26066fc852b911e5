import { extractReport } from './src/extract/extract-report';
const r = extractReport('t', process.argv[2]!);
console.log(r.mentions.map((m) => `${m.indicator}=${m.value} [${m.quote}] ${m.rule}`));
console.log(r.unused.map((u) => `${u.value}${u.unit} ${u.reason}`));
