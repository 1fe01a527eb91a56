import { posix } from 'node:path';

/** Folder of a repo-relative POSIX path: "" for the root. */
export function dirOf(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

export function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `dir` and each of its ancestors up to the root (""), nearest first. */
export function ancestors(dir: string): string[] {
  const out = [dir];
  for (let d = dir; d !== ''; ) {
    d = dirOf(d);
    out.push(d);
  }
  return out;
}

/** `to` relative to `from` when `to` is inside it ("" when equal). */
export function relativeTo(from: string, to: string): string {
  if (from === '') return to;
  if (to === from) return '';
  return to.startsWith(`${from}/`) ? to.slice(from.length + 1) : posix.relative(from, to);
}

/** Minimal workspace glob (`packages/*`, `apps/**`, `tools/x`) → RegExp. */
export function globToRegExp(glob: string): RegExp {
  const clean = glob.replace(/^\.\//, '').replace(/\/$/, '');
  let re = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]!;
    if (c === '*') {
      if (clean[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
