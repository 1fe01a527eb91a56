import { describe, expect, it } from 'vitest';
import { Baseline, Finding, Policy, Report } from '../src/index.js';
import { makeFinding } from './helpers/make-finding.js';

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((i) => i.path.join('.'));
}

describe('Finding', () => {
  it('accepts a complete finding', () => {
    expect(
      Finding.safeParse(makeFinding({ fix: 'rotate it', docsUrl: 'https://example.org/r#x', tool: 'seckit' }))
        .success,
    ).toBe(true);
  });

  it.each([
    [
      'an absolute path',
      { location: { path: '/etc/passwd', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } },
      'location.path',
    ],
    [
      'a Windows path',
      { location: { path: 'src\\a.ts', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } },
      'location.path',
    ],
    [
      'a parent segment',
      { location: { path: 'a/../../b', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } },
      'location.path',
    ],
    [
      'line 0',
      { location: { path: 'a', startLine: 0, startColumn: 1, endLine: 1, endColumn: 2 } },
      'location.startLine',
    ],
    [
      'end before start',
      { location: { path: 'a', startLine: 5, startColumn: 1, endLine: 4, endColumn: 2 } },
      'location',
    ],
    ['an unknown severity', { severity: 'severe' }, 'severity'],
    ['an unknown category', { category: 'malware' }, 'category'],
    ['a short id', { id: 'abc' }, 'id'],
    ['an empty message', { message: '' }, 'message'],
    ['a docsUrl that is not a URL', { docsUrl: 'see the wiki' }, 'docsUrl'],
  ])('rejects %s', (_name, patch, path) => {
    const result = Finding.safeParse({ ...makeFinding(), ...patch });
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toContain(path);
  });
});

function sampleReport(): Report {
  const finding = makeFinding();
  return {
    schemaVersion: 1,
    tool: { name: 'seckit', version: '0.1.0' },
    scope: 'staged',
    repository: { root: 'demo', branch: 'main', commit: null },
    createdAt: '2026-11-23T10:00:00.000Z',
    findings: [finding],
    suppressed: [
      { ...makeFinding({ content: 'other' }), suppression: { kind: 'baseline', justification: 'accepted' } },
    ],
    errors: [],
    warnings: [],
    stats: { files: 1, bytes: 10, durationMs: 3, skipped: 0 },
    decision: { blocked: true, blockOn: 'high', reasons: ['1 finding at or above "high"'] },
  };
}

describe('Report', () => {
  it('accepts a full report and fills defaults', () => {
    const { errors, warnings, ...rest } = sampleReport();
    const parsed = Report.parse({ ...rest, stats: { files: 1, bytes: 10, durationMs: 3 } });
    expect(parsed.errors).toEqual([]);
    expect(parsed.stats.skipped).toBe(0);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['another schema version', { schemaVersion: 2 }, 'schemaVersion'],
    ['an unknown scope', { scope: 'everything' }, 'scope'],
    ['a bad timestamp', { createdAt: 'yesterday' }, 'createdAt'],
    ['negative stats', { stats: { files: -1, bytes: 0, durationMs: 0 } }, 'stats.files'],
    [
      'a suppression of unknown kind',
      { suppressed: [{ ...makeFinding(), suppression: { kind: 'vibes', justification: '' } }] },
      'suppressed.0.suppression.kind',
    ],
    ['a decision without reasons', { decision: { blocked: false, blockOn: 'high' } }, 'decision.reasons'],
  ])('rejects %s', (_name, patch, path) => {
    const result = Report.safeParse({ ...sampleReport(), ...patch });
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toContain(path);
  });
});

describe('Policy', () => {
  it('has sensible defaults', () => {
    const p = Policy.parse({});
    expect(p.blockOn).toBe('high');
    expect(p.sla).toEqual({ critical: 24, high: 72, medium: 168, low: 720 });
    expect(p.checks).toEqual({
      secrets: true,
      dependencies: true,
      lockfiles: true,
      hygiene: true,
      audit: false,
    });
    expect(p.dependencies.preset).toBe('app');
    expect(p.onError).toBe('block');
  });

  it.each([
    ['an unknown key', { blockon: 'high' }, ''],
    ['a bad blockOn', { blockOn: 'severe' }, 'blockOn'],
    ['an exception without reason', { exceptions: [{ rule: 'x' }] }, 'exceptions.0.reason'],
    [
      'an exception with a blank reason',
      { exceptions: [{ rule: 'x', reason: '  ' }] },
      'exceptions.0.reason',
    ],
    ['an exception without target', { exceptions: [{ reason: 'because' }] }, 'exceptions.0'],
    [
      'a bad expiry date',
      { exceptions: [{ rule: 'x', reason: 'r', expires: '2026-13-45' }] },
      'exceptions.0.expires',
    ],
    ['a negative SLA', { sla: { critical: -1 } }, 'sla.critical'],
    ['an unknown check', { checks: { malware: true } }, 'checks'],
    ['a bad severity override', { severity: { 'some/rule': 'urgent' } }, 'severity.some/rule'],
    ['an unknown preset', { dependencies: { preset: 'service' } }, 'dependencies.preset'],
  ])('rejects %s', (_name, input, path) => {
    const result = Policy.safeParse(input);
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toContain(path);
  });
});

describe('Baseline', () => {
  it('accepts entries and rejects line numbers or values', () => {
    const entry = { id: makeFinding().id, ruleId: 'r', path: 'a.ts' };
    expect(Baseline.safeParse({ version: 1, entries: [entry] }).success).toBe(true);
    expect(Baseline.safeParse({ version: 1, entries: [{ ...entry, line: 3 }] }).success).toBe(false);
    expect(Baseline.safeParse({ version: 1, entries: [{ ...entry, secret: 'x' }] }).success).toBe(false);
    expect(Baseline.safeParse({ version: 2, entries: [] }).success).toBe(false);
  });
});
