import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { SeckitError } from '@seckit/core';
import { runGit } from './run-git.js';

interface Pending {
  name: string;
  resolve: (content: Buffer | undefined) => void;
  reject: (error: Error) => void;
}

/**
 * Reads files of the index (`:path`) or of a commit (`HEAD:path`) through one long-lived
 * `git cat-file --batch`, on demand. The dependency checks look for a lockfile beside every
 * staged manifest, one candidate name at a time: one process for all of them instead of one
 * `git show` each keeps the hook's cost flat. Call `close()` when done.
 */
export class GitObjectReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private out: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private failed: Error | undefined;

  constructor(private readonly cwd: string) {}

  /** The content of `name` (`:path`, `HEAD:path`), or undefined when there is no such file. */
  read(name: string): Promise<Buffer | undefined> {
    // cat-file --batch takes one name per line: a path with a line break goes the slow way.
    if (/[\r\n]/.test(name)) {
      return runGit(this.cwd, ['show', name]).then((r) => (r.code === 0 ? r.stdout : undefined));
    }
    if (this.failed !== undefined) return Promise.reject(this.failed);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.pending.push({ name, resolve, reject });
      child.stdin.write(`${name}\n`);
    });
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child !== undefined) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      this.out = this.out.length === 0 ? chunk : Buffer.concat([this.out, chunk]);
      this.drain();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const fail = (message: string) => {
      this.failed = new SeckitError('E_GIT', message);
      for (const p of this.pending.splice(0)) p.reject(this.failed);
    };
    child.on('error', (e) => fail(`could not run git cat-file: ${e.message}`));
    child.on('close', (code) => {
      if (this.pending.length > 0) fail(`git cat-file --batch stopped (exit ${code}): ${stderr.trim()}`);
    });
    this.child = child;
    return child;
  }

  /** Answers, in request order: `<oid> <type> <size>\n<content>\n`, or `<name> missing\n`. */
  private drain(): void {
    while (this.pending.length > 0) {
      const nl = this.out.indexOf(10);
      if (nl < 0) return;
      const header = this.out.subarray(0, nl).toString('utf8');
      const next = this.pending[0]!;
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.out = this.out.subarray(nl + 1);
        this.pending.shift();
        next.resolve(undefined);
        continue;
      }
      const [, type, sizeText] = header.split(' ');
      const size = Number(sizeText);
      if (!Number.isInteger(size)) {
        this.pending.shift();
        next.reject(new SeckitError('E_GIT', `git cat-file: unexpected answer for ${next.name}: ${header}`));
        continue;
      }
      if (this.out.length < nl + 1 + size + 1) return; // the content is still arriving
      const content = Buffer.from(this.out.subarray(nl + 1, nl + 1 + size));
      this.out = this.out.subarray(nl + 1 + size + 1);
      this.pending.shift();
      // A folder (tree) is not a file.
      next.resolve(type === 'blob' ? content : undefined);
    }
  }
}
