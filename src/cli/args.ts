/** A small argument parser: positionals, `--option value` / `--option=value`, and bare `--flag`s. */
export class UsageError extends Error {}

/**
 * A problem with what the user pointed the twin at — a file it may not read, a folder that is not
 * there for --out — as opposed to how the command was typed: exit 1 with a plain message.
 */
export class UserError extends Error {}

export interface Parsed {
  readonly positionals: string[];
  /** Options by name; a flag that was given is "true". */
  readonly options: Record<string, string>;
}

export function parseArgs(argv: readonly string[], allowed: readonly string[], flags: readonly string[] = []): Parsed {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  const known = [...allowed, ...flags];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}${known.length ? ` (options: ${known.map((o) => `--${o}`).join(', ')})` : ''}`);
    if (flags.includes(name)) {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      options[name] = 'true';
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return { positionals, options };
}
