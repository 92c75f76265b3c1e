/** The command line as tests call it: in process, with what it prints kept, and a scratch folder for its files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `twin ARGS…` and returns its exit code and its output and errors, each joined by lines. */
export function cli(args: string[]): CliResult {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    args,
    (s) => void out.push(s),
    (s) => void err.push(s),
  );
  if (typeof code !== 'number') throw new Error(`twin ${args[0]} is asynchronous: call cliAsync`);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `cli` for the commands that run asynchronously (sweep, worker). */
export async function cliAsync(args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (s) => void out.push(s),
    (s) => void err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A new empty folder under the system's temporary folder, and a way to write files into it. */
export function scratch(prefix: string): { readonly dir: string; write(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), `twin-${prefix}-`));
  return {
    dir,
    write(name, text) {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}
