/** Where the CLI writes; injected so `run()` is testable without spawning a process. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** 0 done (gate met), 1 a policy target missed (gate only), 2 usage, input, database or internal error. */
export const EXIT = { ok: 0, missed: 1, error: 2 } as const;
