import { runGit } from '../../git/run-git.js';
import type { DepsContext } from '../context.js';

/** HEAD's version of a file, or undefined (no HEAD yet, or the file is new). */
export async function readHeadFile(ctx: DepsContext, path: string): Promise<Buffer | undefined> {
  if (ctx.input.readHeadFile !== undefined) return ctx.input.readHeadFile(path);
  const r = await runGit(ctx.input.root, ['cat-file', 'blob', `HEAD:${path}`]);
  return r.code === 0 ? r.stdout : undefined;
}
