import { type Finding, fingerprint } from '../../src/index.js';

/** A hand-built finding with a real fingerprint; override any field. */
export function makeFinding(over: Partial<Finding> & { content?: string } = {}): Finding {
  const { content, ...rest } = over;
  const ruleId = rest.ruleId ?? 'test/rule';
  const path = rest.location?.path ?? 'src/app.ts';
  return {
    id: fingerprint({ ruleId, path, content: content ?? 'value' }),
    ruleId,
    category: 'secret',
    severity: 'high',
    message: 'Test secret found: ****',
    location: { path, startLine: 3, startColumn: 5, endLine: 3, endColumn: 25 },
    ...rest,
  };
}
