import { describe, expect, it } from 'vitest';
import { workspace } from './helpers/cli.js';
import { F, ingestScenario } from './helpers/scenario.js';

interface Row {
  path: string;
  state: string;
  severity: string;
  ageDays: number;
  sla?: { dueAt: string; breached: boolean; daysOverdue: number; hoursLeft: number; startedAt: string };
}

describe('SLA and metrics, at a fixed --now (2026-03-02T12:00Z)', async () => {
  const ws = workspace();
  await ingestScenario(ws);
  const summary = JSON.parse((await ws.run('summary', '--format', 'json')).stdout);
  const byPath = (p: string): Row => summary.findings.find((f: Row) => f.path === p);

  it('due date = first seen + the policy hours for the severity; breached and days overdue', () => {
    // critical 24 h: due 2026-01-02 12:00, 59 days before now.
    expect(byPath(F.crit1.location.path).sla).toEqual({
      hours: 24,
      startedAt: '2026-01-01T12:00:00.000Z',
      dueAt: '2026-01-02T12:00:00.000Z',
      breached: true,
      daysOverdue: 59,
      hoursLeft: 0,
    });
    // medium 168 h: due 01-08 12:00; low 720 h: due 01-31 12:00.
    expect(byPath(F.med1.location.path).sla).toMatchObject({
      dueAt: '2026-01-08T12:00:00.000Z',
      breached: true,
      daysOverdue: 53,
    });
    expect(byPath(F.low1.location.path).sla).toMatchObject({
      dueAt: '2026-01-31T12:00:00.000Z',
      breached: true,
      daysOverdue: 30,
    });
    // high 72 h, first seen yesterday: 48 hours left.
    expect(byPath(F.high2.location.path).sla).toMatchObject({
      dueAt: '2026-03-04T12:00:00.000Z',
      breached: false,
      daysOverdue: 0,
      hoursLeft: 48,
    });
  });

  it('counts open and breached findings per severity and per repository', () => {
    expect(summary.open).toEqual({ critical: 1, high: 1, medium: 1, low: 2, info: 0 });
    expect(summary.openTotal).toBe(5);
    expect(summary.breached).toEqual({ critical: 1, high: 0, medium: 1, low: 2, info: 0 });
    expect(summary.byRepository).toEqual([
      {
        name: 'web',
        open: { critical: 1, high: 1, medium: 1, low: 1, info: 0 },
        openTotal: 4,
        breached: 3,
        oldestOpenDays: 60,
        overdueRotations: 0,
      },
      {
        name: 'api',
        open: { critical: 0, high: 0, medium: 0, low: 1, info: 0 },
        openTotal: 1,
        breached: 1,
        oldestOpenDays: 121,
        overdueRotations: 0,
      },
    ]);
  });

  it('share fixed within SLA and mean time to remediate over the last 90 days', () => {
    // high1 took 57 days (SLA 3), crit2 2 days (SLA 1), med2 2 days (SLA 7): 1 of 3 within.
    expect(summary.sla).toMatchObject({
      windowDays: 90,
      fixed: 3,
      fixedWithinSla: 1,
      share: 1 / 3,
      mttrDays: 20.3,
    });
    expect(summary.sla.mttrDaysBySeverity).toEqual({
      critical: 2,
      high: 57,
      medium: 2,
      low: null,
      info: null,
    });
  });

  it('age buckets 0-30, 31-60, 61-90, 90+ days', () => {
    expect(summary.ageBuckets).toEqual({ '0-30': 1, '31-60': 3, '61-90': 0, '90+': 1 });
  });

  it('trend and new vs fixed per week (Monday to Monday, UTC)', () => {
    const { periods } = summary.trend;
    expect(summary.trend.period).toBe('week');
    expect(periods).toHaveLength(12);
    expect(periods.at(-1)).toMatchObject({
      start: '2026-03-02T00:00:00.000Z',
      end: '2026-03-02T12:00:00.000Z',
      new: 0,
      fixed: 0,
    });
    const week = (start: string) => periods.find((p: { start: string }) => p.start.startsWith(start));
    expect(week('2025-12-29')).toMatchObject({
      new: 4,
      fixed: 0,
      open: { critical: 1, high: 1, medium: 1, low: 2, info: 0 },
    });
    expect(week('2026-02-23')).toMatchObject({
      new: 3,
      fixed: 3,
      reopened: 0,
      open: { critical: 1, high: 1, medium: 1, low: 2, info: 0 },
    });
    expect(week('2026-02-16')).toMatchObject({
      new: 0,
      fixed: 0,
      open: { critical: 1, high: 1, medium: 1, low: 2, info: 0 },
    });
  });

  it('lists the most urgent first: most overdue, then severity', () => {
    expect(summary.findings.slice(0, 4).map((f: Row) => f.path)).toEqual(
      [F.old1, F.crit1, F.med1, F.low1].map((f) => f.location.path),
    );
    expect(
      summary.findings
        .filter((f: Row) => f.state === 'fixed')
        .map((f: Row) => f.path)
        .sort(),
    ).toEqual(['src/crit2.ts', 'src/high1.ts', 'src/med2.ts']);
  });

  it('per month and per day on request', async () => {
    const monthly = JSON.parse((await ws.run('summary', '-f', 'json', '--period', 'month')).stdout);
    // February: crit2 and med2 new, high1 fixed; March (so far): high2 new, crit2 and med2 fixed.
    expect(monthly.trend.periods.at(-1)).toMatchObject({
      start: '2026-03-01T00:00:00.000Z',
      new: 1,
      fixed: 2,
    });
    expect(monthly.trend.periods.at(-2)).toMatchObject({
      start: '2026-02-01T00:00:00.000Z',
      new: 2,
      fixed: 1,
    });
    expect(monthly.trend.periods.at(-3)).toMatchObject({
      start: '2026-01-01T00:00:00.000Z',
      new: 4,
      fixed: 0,
    });
    const daily = JSON.parse((await ws.run('summary', '-f', 'json', '--period', 'day')).stdout);
    expect(daily.trend.periods.map((p: { start: string }) => p.start.slice(0, 10)).slice(-3)).toEqual([
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('narrows to one repository', async () => {
    const api = JSON.parse((await ws.run('summary', '-f', 'json', '--repository', 'api')).stdout);
    expect(api.openTotal).toBe(1);
    expect(api.repository).toBe('api');
    const unknown = await ws.run('summary', '--repository', 'wbe');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--repository "wbe": .seckit/report.db has no runs of it; it holds: api, web',
    );
  });

  it('the Markdown summary carries the same figures', async () => {
    const md = (await ws.run('summary')).stdout;
    expect(md).toContain('| 🟣 critical | 1 | 1 | 24 h |');
    expect(md).toContain('| 🔴 high | 1 | 0 | 3 d |');
    expect(md).toContain(
      '**SLA, last 90 days:** 1 of 3 fixed findings within SLA (33.3%); mean time to remediate 20.3 days.',
    );
    expect(md).toContain('**Age of open findings:** 0–30 days: 1 · 31–60: 3 · 61–90: 0 · over 90: 1');
    expect(md).toContain('**overdue 59 d**');
  });

  it('applies the policy’s severity overrides; a rule set to "off" stops counting', async () => {
    const other = workspace();
    other.write('.seckit/policy.json', {
      severity: { 'seckit/dependency-pin': 'critical', '@secretlint/secretlint-rule-aws': 'off' },
    });
    await ingestScenario(other);
    const s = JSON.parse((await other.run('summary', '-f', 'json')).stdout);
    // Every open finding of the scenario is an AWS-rule finding: all off, none counted.
    expect(s.openTotal).toBe(0);
    expect(s.notCounted.suppressed).toBe(5);
    expect(s.findings.find((f: Row) => f.path === F.crit1.location.path).suppression).toEqual({
      kind: 'rule-disabled',
      justification: '"@secretlint/secretlint-rule-aws" is "off" in the policy',
    });
    // high1 (dependency-pin) now counts as critical: fixed after 57 days, not within 24 hours.
    expect(s.findings.find((f: Row) => f.path === F.high1.location.path).severity).toBe('critical');
    expect(s.sla.mttrDaysBySeverity.critical).toBe(29.5);
    expect((await other.run('summary')).stdout).toContain('## ✅ sec-report: every target met');
    // The JSON output has no internal row numbers.
    expect((await other.run('summary', '-f', 'json')).stdout).not.toContain('dbId');
  });
});
