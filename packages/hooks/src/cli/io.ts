/** Where the CLI writes; injected so `run()` is testable without spawning a process. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export const EXIT = { pass: 0, blocked: 1, error: 2 } as const;
