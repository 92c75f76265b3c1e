/** `twin validate FILE... [--allow-outside]`: exit 0 when every file is valid, 1 with one line per problem. */
import { loadScenarioFile, printIssues } from './files';
import { UsageError, parseArgs } from './args';

export function validateCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const { positionals, options } = parseArgs(argv, [], ['allow-outside']);
  if (positionals.length === 0) throw new UsageError('validate needs at least one scenario file');
  const access = { allowOutside: options['allow-outside'] === 'true' };
  let bad = 0;
  for (const file of positionals) {
    const r = loadScenarioFile(file, access);
    if (r.ok) {
      out(`${file}: ok (${r.input.assets.length} assets, ${r.input.edges.length} dependencies, ${r.input.injects.length} injects)`);
    } else {
      bad++;
      printIssues(file, r.issues, err);
    }
  }
  return bad > 0 ? 1 : 0;
}
