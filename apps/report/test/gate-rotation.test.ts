import { describe, expect, it } from 'vitest';
import { workspace } from './helpers/cli.js';
import { ingestScenario } from './helpers/scenario.js';

// At --now 2026-03-02T12:00Z: STRIPE_LIVE_KEY was due 2026-01-30 (31 days overdue), the orders
// database token is due 2026-03-11 (9 days left, inside the 14-day warning), the certificate in June.
const ROTATION = {
  dueSoonDays: 14,
  secrets: [
    {
      name: 'STRIPE_LIVE_KEY',
      kind: 'api-key',
      owner: 'payments',
      lastRotated: '2025-11-01',
      intervalDays: 90,
      repository: 'web',
    },
    {
      name: 'orders DB token',
      kind: 'database-token',
      owner: 'dba',
      lastRotated: '2026-01-10',
      intervalDays: 60,
      repository: 'api',
    },
    {
      name: 'api.example.com TLS',
      kind: 'certificate',
      owner: 'infra',
      lastRotated: '2025-06-01',
      intervalDays: 365,
    },
  ],
};

async function scenario(policy: unknown) {
  const ws = workspace();
  ws.write('.seckit/policy.json', policy);
  await ingestScenario(ws);
  return ws;
}

describe('rotation', () => {
  it('shows due and overdue rotations beside the findings', async () => {
    const ws = await scenario({ rotation: ROTATION, targets: { maxBreached: {}, maxOverdueRotations: 5 } });
    const summary = JSON.parse((await ws.run('summary', '-f', 'json')).stdout);
    expect(summary.rotation).toEqual([
      {
        name: 'STRIPE_LIVE_KEY',
        kind: 'api-key',
        owner: 'payments',
        repository: 'web',
        lastRotated: '2025-11-01',
        intervalDays: 90,
        dueDate: '2026-01-30',
        state: 'overdue',
        daysOverdue: 31,
        daysLeft: 0,
      },
      {
        name: 'orders DB token',
        kind: 'database-token',
        owner: 'dba',
        repository: 'api',
        lastRotated: '2026-01-10',
        intervalDays: 60,
        dueDate: '2026-03-11',
        state: 'due-soon',
        daysOverdue: 0,
        daysLeft: 9,
      },
      {
        name: 'api.example.com TLS',
        kind: 'certificate',
        owner: 'infra',
        // No repository: the organisation's.
        repository: null,
        lastRotated: '2025-06-01',
        intervalDays: 365,
        dueDate: '2026-06-01',
        state: 'ok',
        daysOverdue: 0,
        daysLeft: 91,
      },
    ]);
    expect(summary.byRepository.find((r: { name: string }) => r.name === 'web').overdueRotations).toBe(1);
    const md = (await ws.run('summary')).stdout;
    expect(md).toContain('### Secret rotation');
    expect(md).toContain('| STRIPE\\_LIVE\\_KEY | api-key | payments | 2026-01-30 | **overdue 31 days** |');
    expect(md).toContain('| orders DB token | database-token | dba | 2026-03-11 | due in 9 days |');
    expect(md).not.toContain('TLS');
  });
});

describe('sec-report gate', () => {
  it('passes, exit 0, when every target is met', async () => {
    const ws = await scenario({ targets: { maxBreached: {}, maxOpen: { critical: 5 } } });
    const r = await ws.run('gate');
    expect(r.stdout).toBe('sec-report gate: passed: 2 repositories meet all 2 targets\n');
    expect(r.code).toBe(0);
  });

  it('exits 1 and says which target each repository missed', async () => {
    const ws = await scenario({
      rotation: ROTATION,
      targets: { maxOpen: { high: 0, low: 0 }, maxBreached: { critical: 0 } },
    });
    const r = await ws.run('gate');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'sec-report gate: failed: 5 of 9 targets missed for 2 repositories',
        '  ✗ api: 1 open low finding (at most 0 allowed) [targets.maxOpen.low]',
        '  ✗ web: 1 critical finding past the critical SLA (at most 0 allowed) [targets.maxBreached.critical]',
        '  ✗ web: 1 open high finding (at most 0 allowed) [targets.maxOpen.high]',
        '  ✗ web: 1 open low finding (at most 0 allowed) [targets.maxOpen.low]',
        '  ✗ web: 1 secret past the rotation date (STRIPE_LIVE_KEY) (at most 0 allowed) [targets.maxOverdueRotations]',
        'Fix or triage the findings (sec-report triage), rotate the secrets, or change the targets in the policy.',
        '',
      ].join('\n'),
    );
  });

  it('the default targets fail on any breached critical', async () => {
    const ws = await scenario({});
    const r = await ws.run('gate');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '✗ web: 1 critical finding past the critical SLA (at most 0 allowed) [targets.maxBreached.critical]',
    );
    const api = await ws.run('gate', '--repository', 'api');
    expect(api.code).toBe(0);
    expect(api.stdout).toBe('sec-report gate: passed: api meets all 1 target\n');
  });

  it('appliesTo "all" checks the organisation as a whole; minFixedWithinSla over the window', async () => {
    const ws = await scenario({
      targets: { appliesTo: 'all', maxOpen: { low: 2 }, maxBreached: {}, minFixedWithinSla: 0.5 },
    });
    const r = await ws.run('gate', '--format', 'json');
    expect(r.code).toBe(1);
    const gate = JSON.parse(r.stdout);
    expect(gate.passed).toBe(false);
    expect(gate.checks).toEqual([
      {
        target: 'targets.maxOpen.low',
        measure: '2 open low findings (at most 2 allowed)',
        actual: 2,
        limit: 2,
        passed: true,
      },
      {
        target: 'targets.minFixedWithinSla',
        measure:
          '33.3% of 3 findings fixed in the last 90 days were fixed within their SLA (at least 50% required)',
        actual: 1 / 3,
        limit: 0.5,
        passed: false,
      },
    ]);
  });

  it('counts an expired risk acceptance again', async () => {
    const ws = await scenario({ targets: { maxOpen: { high: 0 }, maxBreached: {} } });
    const summary = JSON.parse((await ws.run('summary', '-f', 'json')).stdout);
    const high = summary.findings.find(
      (f: { severity: string; state: string }) => f.severity === 'high' && f.state === 'open',
    );
    await ws.run(
      'triage',
      high.id,
      '--status',
      'risk-accepted',
      '--reason',
      'vendor fix due',
      '--until',
      '2026-03-01',
      '--now',
      '2026-03-01T13:00:00Z',
    );
    expect((await ws.run('gate', '--now', '2026-03-01T20:00:00Z')).code).toBe(0);
    const after = await ws.run('gate');
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('✗ web: 1 open high finding (at most 0 allowed) [targets.maxOpen.high]');
  });

  it('a bad policy is exit 2 with file and place, not a pass', async () => {
    const ws = await scenario({});
    ws.write('.seckit/policy.json', '{\n  "targets": { "maxOpen": { "high": "five" } }\n}\n');
    const r = await ws.run('gate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '.seckit/policy.json: targets.maxOpen.high: expected number, got "five" (line 2, column 29)',
    );
    const missing = await ws.run('gate', '--policy', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such policy file');
  });
});
