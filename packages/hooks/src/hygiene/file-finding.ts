import { type Finding, fingerprint, type Severity } from '@seckit/core';

export const HYGIENE_DOCS = 'https://github.com/seckit/seckit/blob/main/packages/hooks/README.md';

/** A finding about a whole file (or one line of it), identified by rule + path (+ content key). */
export function fileFinding(input: {
  ruleId: string;
  path: string;
  severity: Severity;
  message: string;
  fix: string;
  line?: number;
  endColumn?: number;
  key?: string;
  salt?: string | undefined;
}): Finding {
  const line = input.line ?? 1;
  return {
    id: fingerprint({ ruleId: input.ruleId, path: input.path, content: input.key ?? '', salt: input.salt }),
    ruleId: input.ruleId,
    category: 'config',
    severity: input.severity,
    message: input.message,
    location: {
      path: input.path,
      startLine: line,
      startColumn: 1,
      endLine: line,
      endColumn: input.endColumn ?? 1,
    },
    fix: input.fix,
    docsUrl: `${HYGIENE_DOCS}#${input.ruleId.replace('/', '')}`,
    tool: 'seckit',
  };
}
