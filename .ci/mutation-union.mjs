// `node .ci/mutation-union.mjs A/mutation.json B/mutation.json ...`: the mutation score of the
// same source files when every report's tests run together. A mutant counts as detected when any
// report has it Killed or Timeout (perTest coverage runs each mutant against exactly the tests
// that reach it, so the union is what one run with all those tests finds). Prints the score per
// file and lists what survives in all of them. Used for docs/mutation-testing.md, where the "before"
// and "after" runs were made with different test sets.
import { readFileSync } from 'node:fs';

const reports = process.argv.slice(2).map((p) => JSON.parse(readFileSync(p, 'utf8')));
const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const key = (m) => `${m.mutatorName}|${m.replacement}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}`;

const byFile = new Map();
for (const r of reports) {
  for (const [file, f] of Object.entries(r.files)) {
    const mutants = byFile.get(file) ?? new Map();
    byFile.set(file, mutants);
    const lines = f.source.split('\n');
    for (const m of f.mutants) {
      if (!COUNTED.has(m.status)) continue;
      const k = key(m);
      const had = mutants.get(k);
      const line = lines[m.location.start.line - 1]?.trim() ?? '';
      mutants.set(k, { m, line, detected: (had?.detected ?? false) || DETECTED.has(m.status), covered: (had?.covered ?? false) || m.status !== 'NoCoverage' });
    }
  }
}

let all = 0;
let det = 0;
const survivors = [];
console.log('file\tdetected/total\tscore');
for (const [file, mutants] of [...byFile].sort()) {
  const n = mutants.size;
  const d = [...mutants.values()].filter((x) => x.detected).length;
  all += n;
  det += d;
  console.log(`${file}\t${d}/${n}\t${n ? ((100 * d) / n).toFixed(2) : 'n/a'}`);
  for (const x of mutants.values())
    if (!x.detected)
      survivors.push(
        `${file}:${x.m.location.start.line} ${x.m.mutatorName} ${x.covered ? '' : '(no coverage) '}→ ${JSON.stringify(x.m.replacement).slice(0, 80)}   | ${x.line.slice(0, 100)}`,
      );
}
console.log(`all\t${det}/${all}\t${((100 * det) / all).toFixed(2)}`);
if (process.env.LIST_SURVIVORS) for (const s of survivors) console.log(s);
