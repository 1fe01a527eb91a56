// @seckit/hooks: seckit's checks, scan targets and CLI. Explicit named re-exports only.
export type { CheckContext, FileCheck, TextFile } from './checks/check.js';
export { fileChecks } from './checks/index.js';
export { describeSecretlintMessage, secretlintCheck } from './checks/secretlint-check.js';
export type { CliIo } from './cli/io.js';
export { run } from './cli/run.js';
export type { RepoInfo } from './git/resolve-repo.js';
export { resolveRepo } from './git/resolve-repo.js';
export * from './install/index.js';
export type { ScanOptions, ScanResult } from './scan.js';
export { MAX_FILE_BYTES, scan } from './scan.js';
export type { ScanFile, TargetFiles } from './targets/scan-file.js';
export { stagedFiles } from './targets/staged-files.js';
export { pathFiles, trackedFiles } from './targets/tree-files.js';
export { TOOL } from './version.js';
