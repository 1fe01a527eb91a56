import { describe, expect, it } from 'vitest';
import { parseSecInitArgs, secInitHelp } from '../src/install/sec-init-args.js';

describe('parseSecInitArgs', () => {
  it('parses a folder and every option', () => {
    expect(parseSecInitArgs(['app', '--from', '/tmp/tgz', '--yes', '--force'])).toEqual({
      ok: true,
      args: { dir: 'app', from: '/tmp/tgz', force: true, yes: true, help: false },
    });
    expect(parseSecInitArgs(['-y', '-h'])).toMatchObject({
      ok: true,
      args: { dir: undefined, yes: true, help: true },
    });
  });

  it.each([
    [['--frm', 'x'], "Unknown option '--frm'"],
    [['--from'], "Option '--from <value>' argument missing"],
    [['a', 'b'], 'Expected at most one folder, got 2: a b'],
    [['--from='], 'Option --from needs a folder.'],
  ])('rejects %j', (argv, message) => {
    const result = parseSecInitArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe('secInitHelp', () => {
  it('lists every option and the exit codes', () => {
    const help = secInitHelp();
    for (const flag of ['--from <dir>', '--force', '-y, --yes', '-h, --help']) expect(help).toContain(flag);
    expect(help).toMatch(/^ {2}0 {2}installed/m);
    expect(help).toMatch(/^ {2}1 {2}not installed/m);
    expect(help).toMatch(/^ {2}2 {2}usage error/m);
  });
});
