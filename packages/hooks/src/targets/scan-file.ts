/** One file to check, whatever it came from (index blob, working tree, git range). */
export interface ScanFile {
  /** Repo-relative POSIX path. */
  path: string;
  content: Buffer;
}

/** What a target yields: the files, plus what it passed over on purpose and why (never silent). */
export interface TargetFiles {
  files: ScanFile[];
  skipped: { path: string; why: string }[];
}
