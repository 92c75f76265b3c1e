/** `twin validate FILE...`: exit 0 when every file is valid, 1 with one line per problem. */
import { formatIssue } from '../scenario';
import { loadScenarioFile } from './files';
import { UsageError, parseArgs } from './args';

export function validateCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const { positionals } = parseArgs(argv, []);
  if (positionals.length === 0) throw new UsageError('validate needs at least one scenario file');
  let bad = 0;
  for (const file of positionals) {
    const r = loadScenarioFile(file);
    if (r.ok) {
      out(`${file}: ok (${r.input.assets.length} assets, ${r.input.edges.length} dependencies, ${r.input.injects.length} injects)`);
    } else {
      bad++;
      for (const i of r.issues) err(`${file}: ${formatIssue(i)}`);
    }
  }
  return bad > 0 ? 1 : 0;
}
