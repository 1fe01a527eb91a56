// Where a repository keeps seckit's configuration (relative to its root).

export const POLICY_PATH = '.seckit/policy.json';
export const BASELINE_PATH = '.seckit/baseline.json';
