// `seckit doctor`: is the pre-commit check really live in this work tree? Explicit exports only.
import { InstallError } from '../install/install-error.js';
import { messages } from '../install/messages.js';
import { diagnose } from './diagnose.js';

export type { Diagnosis, DoctorCheck } from './diagnose.js';
export { diagnose } from './diagnose.js';

export interface DoctorIo {
  stdout(s: string): void;
  stderr(s: string): void;
  env: NodeJS.ProcessEnv;
}

/**
 * Prints each check (✓ fine, ✗ problem with its fix, ! worth knowing) and returns the exit code:
 * 0 healthy (warnings allowed), 1 at least one problem, 2 the diagnosis itself could not run (no
 * git, not a repository). Never throws, never prints a stack trace.
 */
export async function doctorCommand(args: { cwd: string }, io: DoctorIo): Promise<number> {
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
    if (error instanceof InstallError) {
      io.stderr(`seckit doctor: ${error.message}\n`);
      return 2;
    }
    io.stderr(`seckit doctor: ${messages.internalError(error)}\n`);
    return 2;
  }
}
