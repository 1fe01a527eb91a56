import { describe, expect, it } from 'vitest';
import {
  createBaseline,
  evaluate,
  findInlineSuppressions,
  isExpired,
  Policy,
  type PolicyInput,
} from '../src/index.js';
import { makeFinding } from './helpers/make-finding.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const policy = (input: PolicyInput = {}) => Policy.parse(input);

describe('evaluate', () => {
  it('blocks on findings at or above blockOn and explains why', () => {
    const r = evaluate({
      findings: [makeFinding({ severity: 'critical' }), makeFinding({ content: 'b', severity: 'low' })],
      policy: policy(),
      now: NOW,
    });
    expect(r.decision).toEqual({
      blocked: true,
      blockOn: 'high',
      reasons: ['1 finding at or above "high" (1 critical)'],
    });
    expect(r.findings).toHaveLength(2);
  });

  it('passes when everything is below blockOn', () => {
    const r = evaluate({ findings: [makeFinding({ severity: 'medium' })], policy: policy(), now: NOW });
    expect(r.decision.blocked).toBe(false);
    expect(
      evaluate({
        findings: [makeFinding({ severity: 'medium' })],
        policy: policy({ blockOn: 'medium' }),
        now: NOW,
      }).decision.blocked,
    ).toBe(true);
  });

  it('applies severity overrides and "off"', () => {
    const f = makeFinding({ ruleId: 'noisy/rule', severity: 'critical' });
    const lowered = evaluate({
      findings: [f],
      policy: policy({ severity: { 'noisy/rule': 'low' } }),
      now: NOW,
    });
    expect(lowered.findings[0]!.severity).toBe('low');
    expect(lowered.decision.blocked).toBe(false);
    const off = evaluate({ findings: [f], policy: policy({ severity: { 'noisy/rule': 'off' } }), now: NOW });
    expect(off.findings).toEqual([]);
    expect(off.suppressed[0]!.suppression.kind).toBe('rule-disabled');
  });

  it('suppresses by path ignore, inline comment, exception and baseline, saying why', () => {
    const ignored = makeFinding({
      content: '1',
      location: { path: 'dist/bundle.js', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    });
    const inline = makeFinding({
      content: '2',
      location: { path: 'src/inline.ts', startLine: 2, startColumn: 1, endLine: 2, endColumn: 9 },
    });
    const excepted = makeFinding({
      content: '3',
      location: { path: 'test/fixtures/keys.ts', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    });
    const baselined = makeFinding({ content: '4' });
    const open = makeFinding({ content: '5' });
    const r = evaluate({
      findings: [ignored, inline, excepted, baselined, open],
      policy: policy({
        ignore: ['dist/'],
        exceptions: [{ path: 'test/fixtures/**', reason: 'fake keys for tests', expires: '2027-01-01' }],
      }),
      baseline: createBaseline([baselined]),
      inline: new Map([
        [
          'src/inline.ts',
          findInlineSuppressions('x\nconst k = "v"; // seckit-allow: documented sample key\n'),
        ],
      ]),
      now: NOW,
    });
    expect(r.findings.map((f) => f.id)).toEqual([open.id]);
    const why = Object.fromEntries(r.suppressed.map((s) => [s.id, s.suppression]));
    expect(why[ignored.id]).toEqual({
      kind: 'ignore',
      justification: 'path ignored by policy pattern "dist/"',
    });
    expect(why[inline.id]).toEqual({ kind: 'inline', justification: 'seckit-allow: documented sample key' });
    expect(why[excepted.id]).toEqual({
      kind: 'exception',
      justification: 'fake keys for tests',
      expires: '2027-01-01',
    });
    expect(why[baselined.id]!.kind).toBe('baseline');
  });

  it('matches exceptions by rule, path and fingerprint together', () => {
    const f = makeFinding({ ruleId: 'a/rule' });
    const p = (ex: PolicyInput['exceptions']) =>
      evaluate({ findings: [f], policy: policy({ exceptions: ex }), now: NOW });
    expect(p([{ rule: 'a/rule', reason: 'r' }]).findings).toHaveLength(0);
    expect(p([{ rule: 'b/rule', reason: 'r' }]).findings).toHaveLength(1);
    expect(p([{ fingerprint: f.id, reason: 'r' }]).findings).toHaveLength(0);
    expect(p([{ rule: 'a/rule', path: 'other/**', reason: 'r' }]).findings).toHaveLength(1);
  });

  it('turns an expired exception into a finding and stops suppressing', () => {
    const f = makeFinding({ ruleId: 'a/rule', severity: 'critical' });
    const r = evaluate({
      findings: [f],
      policy: policy({ exceptions: [{ rule: 'a/rule', reason: 'temporary', expires: '2026-11-22' }] }),
      now: NOW,
      exceptionLine: () => 7,
    });
    expect(r.suppressed).toEqual([]);
    expect(r.findings.map((x) => x.ruleId).sort()).toEqual(['a/rule', 'seckit/expired-exception']);
    const expired = r.findings.find((x) => x.ruleId === 'seckit/expired-exception')!;
    expect(expired.location).toMatchObject({ path: '.seckit/policy.json', startLine: 7 });
    expect(expired.message).toContain('expired on 2026-11-22');
    expect(r.decision.blocked).toBe(true);
  });

  it('counts an exception as valid through its whole expiry day (UTC)', () => {
    expect(isExpired('2026-11-23', NOW)).toBe(false);
    expect(isExpired('2026-11-22', NOW)).toBe(true);
    expect(isExpired(undefined, NOW)).toBe(false);
  });

  it('reports baseline entries that matched nothing', () => {
    const gone = makeFinding({ content: 'gone' });
    const r = evaluate({ findings: [], policy: policy(), baseline: createBaseline([gone]), now: NOW });
    expect(r.unusedBaseline.map((e) => e.id)).toEqual([gone.id]);
  });

  it('fails closed on errors unless the policy says pass', () => {
    const errors = [{ path: 'a.bin', message: 'could not read' }];
    expect(evaluate({ findings: [], policy: policy(), errors, now: NOW }).decision.blocked).toBe(true);
    expect(
      evaluate({ findings: [], policy: policy({ onError: 'pass' }), errors, now: NOW }).decision.blocked,
    ).toBe(false);
  });

  it('warns about seckit-allow without a reason and does not suppress', () => {
    const f = makeFinding({
      location: { path: 'a.ts', startLine: 1, startColumn: 1, endLine: 1, endColumn: 5 },
    });
    const r = evaluate({
      findings: [f],
      policy: policy(),
      inline: new Map([['a.ts', findInlineSuppressions('key = 1 // seckit-allow\n')]]),
      now: NOW,
    });
    expect(r.findings).toHaveLength(1);
    expect(r.warnings[0]).toContain('a.ts:1: "seckit-allow" needs a reason');
  });
});

describe('findInlineSuppressions', () => {
  it('reads our markers and those of other tools', () => {
    const text = [
      'a = 1 // seckit-allow: sample from the docs',
      '# seckit-allow-next-line: fixture',
      'b = 2',
      'c = 3 // secretlint-disable-line',
      '// secretlint-disable-next-line',
      'd = 4',
      'e = 5 # gitleaks:allow',
      'f = 6 # pragma: allowlist secret',
      '/* seckit-allow: in a block comment */ g = 7',
      '<!-- seckit-allow: html -->',
    ].join('\n');
    const { suppressions, missingReason } = findInlineSuppressions(text);
    expect(missingReason).toEqual([]);
    expect(suppressions.map((s) => [s.line, s.marker, s.reason])).toEqual([
      [1, 'seckit-allow', 'sample from the docs'],
      [3, 'seckit-allow-next-line', 'fixture'],
      [4, 'secretlint-disable-line', 'migrated marker secretlint-disable-line'],
      [6, 'secretlint-disable-next-line', 'migrated marker secretlint-disable-next-line'],
      [7, 'gitleaks:allow', 'migrated marker gitleaks:allow'],
      [8, 'pragma: allowlist secret', 'migrated marker pragma: allowlist secret'],
      [9, 'seckit-allow', 'in a block comment'],
      [10, 'seckit-allow', 'html'],
    ]);
  });

  it('costs nothing on files without markers', () => {
    expect(findInlineSuppressions('no markers here\n'.repeat(1000))).toEqual({
      suppressions: [],
      missingReason: [],
    });
  });
});
