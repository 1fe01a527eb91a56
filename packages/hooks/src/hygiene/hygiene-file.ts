import type { Finding, Policy, Scope } from '@seckit/core';

/** A file as the hygiene rules see it: all of them, binary and large ones included. */
export interface HygieneFile {
  path: string;
  content: Buffer;
  /** New to the repository in this change. */
  added: boolean;
}

export interface HygieneContext {
  policy: Policy;
  scope: Scope;
}

/** A hygiene rule: a plain object, like the checks. */
export interface HygieneRule {
  id: string;
  run(file: HygieneFile, context: HygieneContext): Finding[];
}

export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}
