/** One file to check, whatever it came from (index blob, working tree, git range). */
export interface ScanFile {
  /** Repo-relative POSIX path. */
  path: string;
  content: Buffer;
  /** True when the file is new to the repository in this change (staged or in the range). */
  added?: boolean;
  /** For `--diff`: the commit that introduced this content. */
  commit?: string;
}

/** What a target yields: the files, plus what it passed over on purpose and why (never silent). */
export interface TargetFiles {
  files: ScanFile[];
  /**
   * Working-tree files (repo-relative POSIX paths) not read yet: the scan reads each one when it
   * scans it, so a whole-tree scan never holds the tree's content in memory.
   */
  onDisk?: string[];
  skipped: { path: string; why: string }[];
  /** For `--staged`: every staged path (deletions too), even when only some are scanned. */
  staged?: ReadonlySet<string>;
}
