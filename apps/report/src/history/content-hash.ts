import { createHash } from 'node:crypto';
import type { NormalizedRun } from '../ingest/normalized.js';

/**
 * A hash of what a run says, not of its bytes: the same report re-ingested (even re-indented or
 * with its findings in another order) is recognised and changes nothing. The run's time takes part
 * only when the report (or --run-time) stated it; otherwise it is just the ingest time.
 */
export function runContentHash(run: NormalizedRun): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([
      'sec-report/run/v1',
      run.repository,
      run.branch ?? null,
      run.commit ?? null,
      run.tool,
      run.toolVersion ?? null,
      run.category,
      run.scope,
      run.failed,
      run.timeStated ? run.time : null,
    ]),
  );
  // One line per finding (JSON keeps fields apart), sorted so the order in the file does not matter.
  const lines = run.findings.map((f) =>
    JSON.stringify([
      f.fingerprint,
      f.ruleId,
      f.severity,
      f.rawSeverity ?? null,
      f.message,
      f.path ?? null,
      f.startLine ?? null,
      f.startColumn ?? null,
      f.endLine ?? null,
      f.endColumn ?? null,
      f.suppression ?? null,
    ]),
  );
  lines.sort();
  // One update for all of them (the digest is the same as one per line, at a fraction of the calls).
  if (lines.length > 0) hash.update(`\n${lines.join('\n')}`);
  return hash.digest('hex');
}
