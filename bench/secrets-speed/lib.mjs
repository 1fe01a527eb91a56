// Timing helpers for bench/secrets-speed: runs commands, waits for a quiet machine, summarises.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function cpuTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = n[3] + n[4];
  return { idle, total: n.reduce((a, b) => a + b, 0) };
}

/** Share of the machine's CPU busy over `ms` (Linux; undefined elsewhere). */
export async function busyShare(ms = 500) {
  if (!existsSync('/proc/stat')) return undefined;
  const a = cpuTicks();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTicks();
  const total = b.total - a.total;
  return total === 0 ? 0 : 1 - (b.idle - a.idle) / total;
}

/**
 * Other work on a shared machine skews wall times: wait (at most `maxMs`) until the CPUs were
 * less than `threshold` busy for half a second. Returns the load seen just before the run (the
 * machine may never get quiet: then it runs anyway and the load is reported).
 */
export async function waitForQuiet(threshold = 0.25, maxMs = 15_000) {
  const started = Date.now();
  let busy = await busyShare();
  while (busy !== undefined && busy > threshold && Date.now() - started < maxMs) busy = await busyShare();
  return busy;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a command once; wall time from here, CPU time (user + sys) and peak memory from
 * /usr/bin/time when the machine has it. stdout goes to `stdoutFile` (large JSON outputs).
 */
export function timed(command, args, { cwd, stdoutFile, env } = {}) {
  const out = stdoutFile === undefined ? 'ignore' : openSync(stdoutFile, 'w');
  const timeFile = path.join(os.tmpdir(), `seckit-bench-time-${process.pid}`);
  const [cmd, argv] =
    TIME === undefined ? [command, args] : [TIME, ['-f', '%U %S %M', '-o', timeFile, command, ...args]];
  const started = performance.now();
  const r = spawnSync(cmd, argv, {
    cwd,
    env: env ?? process.env,
    stdio: ['ignore', out, 'pipe'],
    maxBuffer: 1 << 30,
  });
  const wallMs = performance.now() - started;
  if (typeof out === 'number') closeSync(out);
  let cpuMs;
  let maxRssKb;
  if (TIME !== undefined && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const [user, sys, rss] = last.split(' ').map(Number);
    if (Number.isFinite(user)) cpuMs = Math.round((user + sys) * 1000);
    if (Number.isFinite(rss)) maxRssKb = rss;
    rmSync(timeFile, { force: true });
  }
  return { status: r.status, stderr: r.stderr.toString('utf8'), wallMs: Math.round(wallMs), cpuMs, maxRssKb };
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}
