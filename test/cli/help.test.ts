/** Every subcommand answers --help (and -h, and `twin help CMD`) with its own usage, exit 0. */
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { COMMAND_USAGE } from '../../src/cli/usage';

const COMMANDS = ['validate', 'run', 'report', 'bench', 'import', 'sweep', 'worker', 'serve'] as const;

describe('twin COMMAND --help', () => {
  it('covers every command the overview lists', () => {
    const overview = cli(['--help']);
    expect(overview.code).toBe(0);
    for (const c of COMMANDS) expect(overview.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(Object.keys(COMMAND_USAGE).sort()).toEqual([...COMMANDS].sort());
  });

  for (const cmd of COMMANDS) {
    it(`${cmd} --help prints its usage on stdout and exits 0`, () => {
      for (const args of [
        [cmd, '--help'],
        [cmd, '-h'],
        ['help', cmd],
      ]) {
        const r = cli(args);
        expect(r.code, args.join(' ')).toBe(0);
        expect(r.err).toBe('');
        expect(r.out.startsWith(`usage: twin ${cmd}`)).toBe(true);
      }
    });
  }

  it('wins over other arguments, even wrong ones, and works after a kind (import osm --help)', () => {
    expect(cli(['run', 'scenarios/default.json', '--until', 'soon', '--help']).code).toBe(0);
    expect(cli(['import', 'osm', '--help']).out.startsWith('usage: twin import osm')).toBe(true);
    expect(cli(['report', '--bogus', '-h']).code).toBe(0);
  });

  it("a usage error shows the command's own usage, exit 2", () => {
    const r = cli(['run']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^twin: run needs exactly one scenario file\n\nusage: twin run FILE/);
  });
});
