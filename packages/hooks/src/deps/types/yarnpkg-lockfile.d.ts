// The part of @yarnpkg/lockfile (Yarn 1's own lockfile parser) that seckit uses.
declare module '@yarnpkg/lockfile' {
  export function parse(
    source: string,
    fileLoc?: string,
  ): { type: 'success' | 'merge' | 'conflict'; object: Record<string, unknown> };
}
