import { scan } from './src/detectors/index.ts';
import { buildDocument } from './src/detectors/document.ts';
const t = process.argv[2]!;
const d = buildDocument(t, {});
console.log(d.locale, d.tokens.map(x => `${x.text}${x.labels.length ? '[' + x.labels.join(',') + ']' : ''}${x.breakBefore ? '|' : ''}`).join(' '));
console.log(JSON.stringify(scan(t), null, 0));
