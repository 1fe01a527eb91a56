import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { Report } from '../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.join(here, '..', 'examples', 'custom-check.mjs');

describe('the README example (public API)', () => {
  it('is in the README verbatim', () => {
    const readme = readFileSync(path.join(here, '..', 'README.md'), 'utf8');
    expect(readme).toContain(readFileSync(example, 'utf8').trim());
  });

  it('runs: a custom rule goes through policy, exceptions and formatters', () => {
    const dir = tempDir('seckit-example-');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    writeFileSync(path.join(dir, 'a.md'), 'see http://insecure.example/x\nand https://fine.example\n');
    writeFileSync(path.join(dir, 'b.md'), 'legacy http://old.example/y\n');
    mkdirSync(path.join(dir, '.seckit'));
    writeFileSync(
      path.join(dir, '.seckit/policy.json'),
      JSON.stringify({ exceptions: [{ rule: 'acme/plain-http', path: 'b.md', reason: 'archived page' }] }),
    );
    const run = (format: string) =>
      spawnSync(process.execPath, [example, 'a.md', 'b.md'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, FORMAT: format },
      });
    const text = run('text');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('a.md');
    expect(text.stdout).toContain('acme/plain-http');
    const json = run('json');
    const report = Report.parse(JSON.parse(json.stdout));
    expect(
      report.findings.map((f) => [f.location.path, f.location.startLine, f.location.startColumn]),
    ).toEqual([['a.md', 1, 5]]);
    expect(report.suppressed[0]?.suppression).toEqual({ kind: 'exception', justification: 'archived page' });
  });
});
