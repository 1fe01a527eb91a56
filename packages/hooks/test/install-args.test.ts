import { describe, expect, it } from 'vitest';
import { parseSecInitArgs, secInitHelp } from '../src/install/sec-init-args.js';

describe('parseSecInitArgs', () => {
  it('reads the folder and every option', () => {
    expect(
      parseSecInitArgs([
        'app',
        '--from',
        't',
        '--force',
        '-y',
        '--dry-run',
        '--ci',
        'github',
        '--no-lint-staged',
      ]),
    ).toEqual({
      ok: true,
      args: {
        dir: 'app',
        from: 't',
        ci: 'github',
        force: true,
        yes: true,
        dryRun: true,
        uninstall: false,
        lintStaged: false,
        help: false,
      },
    });
    expect(parseSecInitArgs(['--uninstall', '-n'])).toMatchObject({
      ok: true,
      args: { uninstall: true, dryRun: true, lintStaged: true },
    });
  });

  it.each([
    [['--frm', 'x'], "Unknown option '--frm'"],
    [['a', 'b'], 'Expected at most one folder, got 2: a b'],
    [['--from', ''], 'Option --from needs a folder.'],
    [['--ci', 'gitlab'], '"gitlab" is not supported'],
    [['--uninstall', '--force'], '--uninstall takes no'],
  ])('%j: %s', (argv, message) => {
    const parsed = parseSecInitArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('help lists every option and the exit codes', () => {
    const help = secInitHelp();
    for (const flag of [
      '--dry-run',
      '--yes',
      '--uninstall',
      '--ci github',
      '--from <dir>',
      '--force',
      '--no-lint-staged',
      '--help',
    ]) {
      expect(help).toContain(flag);
    }
    expect(help).toContain('Exit codes:');
  });
});
