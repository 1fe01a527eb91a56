import { fileFinding } from './file-finding.js';
import type { HygieneRule } from './hygiene-file.js';

/** Git LFS pointers are tiny text files; the large content lives outside the repository. */
const LFS_POINTER = 'version https://git-lfs.github.com/spec/';

export const largeFileRule: HygieneRule = {
  id: 'seckit/large-file',
  run(file, { policy, scope }) {
    const limit = policy.hygiene.maxFileKb * 1024;
    // In a hook or a PR range, only additions (as pre-commit's check-added-large-files); a full
    // scan judges every file, and the baseline accepts what was there before adoption.
    if (file.content.length <= limit || (scope !== 'full' && !file.added)) return [];
    if (file.content.subarray(0, LFS_POINTER.length).toString('utf8') === LFS_POINTER) return [];
    const kb = Math.ceil(file.content.length / 1024);
    return [
      fileFinding({
        ruleId: 'seckit/large-file',
        path: file.path,
        severity: 'high',
        message: `${file.path} is ${kb} KiB, over the ${policy.hygiene.maxFileKb} KiB limit: large files bloat every clone forever`,
        fix: 'Keep it out of git (a release asset, an artifact store) or track it with Git LFS; if this size is intended, raise "hygiene.maxFileKb" in .seckit/policy.json.',
        salt: policy.fingerprintSalt,
      }),
    ];
  },
};
