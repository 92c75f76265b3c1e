/** A small argument parser: positionals and `--flag value` / `--flag=value` options. */
export class UsageError extends Error {}

export interface Parsed {
  readonly positionals: string[];
  readonly options: Record<string, string>;
}

export function parseArgs(argv: readonly string[], allowed: readonly string[]): Parsed {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}${allowed.length ? ` (options: ${allowed.map((o) => `--${o}`).join(', ')})` : ''}`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return { positionals, options };
}
