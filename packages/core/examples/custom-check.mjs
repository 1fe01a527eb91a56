// A team's own rule, without forking seckit: flag plain-http URLs, then let seckit's policy,
// baseline and formatters do the rest. Run from a repository: node custom-check.mjs <file>…
import { readFileSync } from 'node:fs';
import {
  buildReport,
  evaluate,
  fingerprint,
  formatReport,
  loadBaseline,
  loadPolicyOrThrow,
} from '@seckit/core';

const root = process.cwd();
const policy = await loadPolicyOrThrow(root); // .seckit/policy.json, or the defaults
const baseline = await loadBaseline(root);

const findings = [];
for (const path of process.argv.slice(2)) {
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/http:\/\/[^\s"'<>]+/g)) {
        const startColumn = m.index + 1;
        findings.push({
          id: fingerprint({ ruleId: 'acme/plain-http', path, content: m[0] }),
          ruleId: 'acme/plain-http',
          category: 'config',
          severity: 'high',
          message: `Plain-http URL ${m[0]}: traffic can be read and changed in transit`,
          location: {
            path,
            startLine: i + 1,
            startColumn,
            endLine: i + 1,
            endColumn: startColumn + m[0].length,
          },
          fix: 'Use https://',
        });
      }
    });
}

const evaluation = evaluate({ findings, policy, baseline: baseline.ok ? baseline.baseline : undefined });
const report = buildReport({
  tool: { name: 'acme-checks', version: '1.0.0' },
  scope: 'paths',
  repository: { root: 'acme', branch: null, commit: null },
  evaluation,
  stats: { files: process.argv.length - 2, bytes: 0, durationMs: 0 },
});
process.stdout.write(formatReport(report, process.env.FORMAT ?? 'text', { color: false }));
process.exitCode = report.decision.blocked ? 1 : 0;
