import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeRepo, seckit, writeFiles } from './helpers/git-repo.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function random(n: number, alphabet = ALNUM): string {
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Real-format credentials with fresh random bodies: never in any source file, never the same twice. */
function corpus(): { files: Record<string, string>; values: string[] } {
  const aws = random(40, `${ALNUM}/+`);
  const awsId = `AKIA${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
  const gh = `ghp_${random(36)}`;
  const slack = `xoxb-${random(12, '0123456789')}-${random(12, '0123456789')}-${random(24)}`;
  const dbPassword = random(20);
  const pem = `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 12 }, () => random(64, `${ALNUM}+/`)).join('\n')}\n-----END RSA PRIVATE KEY-----`;
  const values = [aws, awsId, gh, slack, dbPassword, pem.split('\n')[3]!];
  return {
    values,
    files: {
      'deploy/prod.sh': `export AWS_SECRET_ACCESS_KEY=${aws}\nexport AWS_ACCESS_KEY_ID=${awsId}\n`,
      'src/github.ts': `const token = "${gh}";\n`,
      'config/slack.yaml': `bot_token: ${slack}\n`,
      'config/db.json': `{ "url": "postgres://admin:${dbPassword}@db.internal:5432/app" }\n`,
      'keys/server.pem': `${pem}\n`,
      '.env': `GITHUB_TOKEN=${gh}\n`,
    },
  };
}

function expectNoLeak(text: string, values: readonly string[], where: string): void {
  for (const value of values) {
    // Any 12-character piece of a value counts as a leak, not only the whole value.
    for (let i = 0; i + 12 <= value.length; i += 4) {
      const piece = value.slice(i, i + 12);
      if (text.includes(piece)) throw new Error(`${where} leaks part of a secret (offset ${i})`);
    }
  }
}

describe('no secret value ever leaves seckit', () => {
  it('is absent from every format, report file, baseline, message and log line', async () => {
    const { files, values } = corpus();
    const dir = makeRepo(files);
    git(dir, 'add', '.');
    const outputs: [string, string][] = [];

    for (const format of ['text', 'json', 'sarif', 'markdown', 'github']) {
      const r = await seckit(dir, 'scan', '--format', format, '--output', `reports/report.${format}`);
      outputs.push([`stdout of --format ${format}`, r.stdout], [`stderr of --format ${format}`, r.stderr]);
      expect(r.code).toBe(1);
    }
    const staged = await seckit(dir, 'scan', '--staged');
    outputs.push(['--staged', staged.stdout + staged.stderr]);
    const report = JSON.parse(readFileSync(path.join(dir, 'reports/report.json'), 'utf8'));
    expect(report.findings.length).toBeGreaterThanOrEqual(values.length);

    const baseline = await seckit(dir, 'baseline');
    outputs.push(['baseline output', baseline.stdout + baseline.stderr]);
    for (const name of readdirSync(path.join(dir, 'reports'))) {
      outputs.push([`reports/${name}`, readFileSync(path.join(dir, 'reports', name), 'utf8')]);
    }
    outputs.push(['.seckit/baseline.json', readFileSync(path.join(dir, '.seckit/baseline.json'), 'utf8')]);

    // Error paths: a broken policy holding a secret by mistake, and an internal-debug run.
    writeFiles(dir, { '.seckit/policy.json': JSON.stringify({ blockOn: values[0], fingerprintSalt: 7 }) });
    const broken = await seckit(dir, 'scan');
    expect(broken.code).toBe(2);
    outputs.push(['policy error', broken.stdout + broken.stderr]);

    for (const [where, text] of outputs) expectNoLeak(text, values, where);
  });
});
