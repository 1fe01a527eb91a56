/**
 * Stable codes for the expected ways an install can stop (tests and callers match on them). The
 * steps throw `InstallError`; `install()` and `uninstall()` turn it into a `failed` result, so
 * callers of the public API get results, not exceptions.
 */
export type InstallErrorCode =
  | 'E_NOT_A_DIRECTORY'
  | 'E_GIT_NOT_FOUND'
  | 'E_GIT_TOO_OLD'
  | 'E_NOT_A_GIT_REPO'
  | 'E_PACKAGE_JSON'
  | 'E_TARBALLS'
  | 'E_YARN_PNP'
  | 'E_PACKAGE_MANAGER_NOT_FOUND'
  | 'E_INSTALL_FAILED'
  | 'E_HOOK_FILE'
  | 'E_LINT_STAGED_CONFIG'
  | 'E_POLICY'
  | 'E_WORKFLOW'
  | 'E_HUSKY'
  | 'E_WRITE'
  | 'E_NOT_INSTALLED'
  | 'E_INTERRUPTED';

export class InstallError extends Error {
  readonly code: InstallErrorCode;
  /** The file the message is about, when there is one (absolute path). */
  readonly file: string | undefined;

  constructor(code: InstallErrorCode, message: string, file?: string) {
    super(message);
    this.name = 'InstallError';
    this.code = code;
    this.file = file;
  }
}
