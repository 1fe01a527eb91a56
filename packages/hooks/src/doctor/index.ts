// `seckit doctor`: is the pre-commit check really live in this work tree? Explicit exports only.
// The CLI imports this module for every command, the hook's `seckit scan --staged` included, so
// the diagnosis (and the installer modules it uses: yaml, jsonc-parser, …) loads only when asked.
import type { Diagnosis } from './diagnose.js';

export type { Diagnosis, DoctorCheck } from './diagnose.js';

export interface DoctorIo {
  stdout(s: string): void;
  stderr(s: string): void;
  env: NodeJS.ProcessEnv;
}

/** The checks as data (see `doctorCommand` for the printed form). */
export async function diagnose(cwd: string, env: NodeJS.ProcessEnv): Promise<Diagnosis> {
  const module = await import('./diagnose.js');
  return module.diagnose(cwd, env);
}

/**
 * Prints each check (✓ fine, ✗ problem with its fix, ! worth knowing) and returns the exit code:
 * 0 healthy (warnings allowed), 1 at least one problem, 2 the diagnosis itself could not run (no
 * git, not a repository). Never throws, never prints a stack trace.
 */
export async function doctorCommand(args: { cwd: string }, io: DoctorIo): Promise<number> {
  const [{ InstallError }, { messages }] = await Promise.all([
    import('../install/install-error.js'),
    import('../install/messages.js'),
  ]);
  try {
    const { gitRoot, checks } = await diagnose(args.cwd, io.env);
    const lines = [messages.doctorHeader(gitRoot)];
    for (const check of checks) {
      const mark = check.status === 'ok' ? '✓' : check.status === 'problem' ? '✗' : '!';
      lines.push(`  ${mark} ${check.message.replace(/\n/g, '\n    ')}`);
      if (check.fix !== undefined) lines.push(`      fix: ${check.fix.replace(/\n/g, '\n           ')}`);
    }
    const problems = checks.filter((c) => c.status === 'problem').length;
    lines.push('', problems === 0 ? messages.doctorHealthy() : messages.doctorProblems(problems));
    io.stdout(`${lines.join('\n')}\n`);
    return problems === 0 ? 0 : 1;
  } catch (error) {
    io.stderr(
      `seckit doctor: ${error instanceof InstallError ? error.message : messages.internalError(error)}\n`,
    );
    return 2;
  }
}
