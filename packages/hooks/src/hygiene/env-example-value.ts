import { redact } from '@seckit/core';
import { isEnvTemplate } from './env-file.js';
import { fileFinding } from './file-finding.js';
import { baseName, type HygieneRule } from './hygiene-file.js';
import { looksReal } from './looks-real.js';

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/;

function stripComment(value: string): string {
  if (/^["']/.test(value)) return value;
  const hash = value.search(/\s#/);
  return hash < 0 ? value : value.slice(0, hash).trimEnd();
}

export const envExampleValueRule: HygieneRule = {
  id: 'seckit/env-example-value',
  run(file, { policy }) {
    if (!isEnvTemplate(file.path) || file.content.includes(0)) return [];
    const findings = [];
    const lines = file.content.toString('utf8').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const m = ASSIGNMENT.exec(lines[i]!);
      if (m === null) continue;
      const value = stripComment(m[2]!);
      if (!looksReal(value)) continue;
      findings.push(
        fileFinding({
          ruleId: 'seckit/env-example-value',
          path: file.path,
          severity: 'high',
          line: i + 1,
          endColumn: lines[i]!.length + 1,
          message: `${baseName(file.path)} gives ${m[1]} a value that looks real (${redact(value)}), not a placeholder`,
          fix: `Replace it with a placeholder such as ${m[1]}=<your-${m[1]!.toLowerCase().replace(/_/g, '-')}>, and rotate the value if it was ever real.`,
          key: value,
          salt: policy.fingerprintSalt,
        }),
      );
    }
    return findings;
  },
};
