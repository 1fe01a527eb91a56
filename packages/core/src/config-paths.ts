// Where a repository keeps seckit's configuration (relative to its root).

export const POLICY_PATH = '.seckit/policy.json';
export const BASELINE_PATH = '.seckit/baseline.json';

/** The problem when one of them exists but cannot be read (a folder, no permission, an I/O error). */
export function configUnreadable(file: string, error: unknown): string {
  return `${file}: cannot be read (${(error as Error).message}); it must be a readable JSON file (delete it to use the defaults)`;
}
