// The installer behind `npx sec-init`. Explicit re-exports: this list is the public API; the
// helpers behind it are tested through their own modules.
export type { DetectedPackageManager, PackageManagerName } from './detect-package-manager.js';
export type { BaselineSummary, InstallChange, InstallOptions, InstallResult } from './install.js';
export { install } from './install.js';
export type { InstallErrorCode } from './install-error.js';
export type { SecInitIo } from './run-sec-init.js';
export { runSecInit } from './run-sec-init.js';
export type { UninstallOptions, UninstallResult } from './uninstall.js';
export { uninstall } from './uninstall.js';
