import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeckitTaskError, seckitTask } from '../src/lint-staged/seckit-task.js';
import { awsSecretLine, FAKE } from './fixtures/fake-secrets.js';
import { git, makeRepo } from './helpers/git-repo.js';

// The in-process task of the `.lintstagedrc.mjs` sec-init creates. Real lint-staged runs it in the
// end-to-end tests (test/e2e-*.test.ts); here: the task's own contract.
function sink() {
  let text = '';
  const stream = {
    write: (s: string) => {
      text += s;
      return true;
    },
  };
  return { stream, text: () => text };
}

async function runTask(dir: string, files: string[]) {
  const out = sink();
  const err = sink();
  const task = seckitTask({ cwd: dir, stdout: out.stream, stderr: err.stream });
  let error: unknown;
  try {
    await task.task(files.map((f) => path.join(dir, f)));
  } catch (e) {
    error = e;
  }
  return { error, output: out.text() + err.text(), title: task.title };
}

describe('seckitTask() for lint-staged', () => {
  it('is a lint-staged function task: an object with a title and a task', () => {
    const t = seckitTask();
    expect(t.title).toBe('seckit scan --staged');
    expect(typeof t.task).toBe('function');
    expect(seckitTask({ args: ['--format', 'json'] }).title).toBe('seckit scan --staged --format json');
  });

  it('passes a clean staged change and prints what seckit scan --staged prints', async () => {
    const dir = makeRepo({ 'a.js': 'export const a = 1;\n' });
    git(dir, 'add', '.');
    const r = await runTask(dir, ['a.js']);
    expect(r.error).toBeUndefined();
    expect(r.output).toContain('Passed');
  });

  it('fails (exit 1 as an error) on a staged secret, reported where it is and never printed', async () => {
    const dir = makeRepo({ 'config.cfg': `${awsSecretLine()}\n` });
    git(dir, 'add', '.');
    const r = await runTask(dir, ['config.cfg']);
    expect(r.error).toBeInstanceOf(SeckitTaskError);
    expect((r.error as SeckitTaskError).exitCode).toBe(1);
    expect((r.error as Error).message).toContain('blocked the commit');
    expect(r.output).toContain('config.cfg');
    expect(r.output).not.toContain(FAKE.awsSecretAccessKey);
  });

  it('fails with exit 2 on a configuration error, with the message seckit gives', async () => {
    const dir = makeRepo({ 'a.js': 'x\n', '.seckit/policy.json': '{ "checks": { "secrets": "yes" } }\n' });
    git(dir, 'add', '.');
    const r = await runTask(dir, ['a.js']);
    expect((r.error as SeckitTaskError).exitCode).toBe(2);
    expect((r.error as Error).message).toContain('could not check the commit');
    expect(r.output).toContain('.seckit/policy.json');
  });

  it('reads a file name that starts with a dash as a file, not an option', async () => {
    const dir = makeRepo({ '-rf.js': 'export const a = 1;\n' });
    git(dir, 'add', '--', '-rf.js');
    const r = await runTask(dir, ['-rf.js']);
    expect(r.error).toBeUndefined();
  });

  it('prepares the shared secret scanner ahead of the task (what it does while lint-staged waits for git)', async () => {
    const { prepareScan } = await import('../src/cli/run.js');
    const { secretScanner } = await import('../src/checks/secretlint-check.js');
    prepareScan();
    const prepared = secretScanner();
    prepareScan();
    expect(secretScanner()).toBe(prepared);
    expect(prepared.engine.entries.length).toBeGreaterThan(50);
  });
});
