/**
 * Stable codes for the expected ways an install can stop (tests and callers match on them). The
 * steps throw `InstallError`; `install()` turns it into a `failed` result, so callers of the public
 * API get results, not exceptions.
 */
export type InstallErrorCode =
  | 'E_NOT_A_DIRECTORY'
  | 'E_GIT_NOT_FOUND'
  | 'E_NOT_A_GIT_REPO'
  | 'E_NOT_GIT_ROOT'
  | 'E_HUSKY_DISABLED'
  | 'E_PACKAGE_JSON'
  | 'E_TARBALLS'
  | 'E_PACKAGE_MANAGER_NOT_FOUND'
  | 'E_INSTALL_FAILED'
  | 'E_HOOK_FILE'
  | 'E_HUSKY';

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
