import type { Severity } from '@seckit/core';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../src/metrics/build-summary.js';
import { workspace } from './helpers/cli.js';
import { finding, seckitReport } from './helpers/reports.js';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

describe('the most urgent findings', () => {
  it('the Markdown summary lists the same 20, in the same order, as the full JSON list begins with', async () => {
    const ws = workspace();
    // 150 findings over 15 runs a few days apart: breached and not, every severity, ties on time
    // (the Markdown summary picks its 20 without sorting all of them).
    for (let run = 0; run < 15; run++) {
      const findings = Array.from({ length: 10 }, (_, i) =>
        finding({
          path: `src/r${run}/f${i}.ts`,
          severity: SEVERITIES[(run * 7 + i * 3) % 5]!,
          message: `finding ${run}.${i}`,
        }),
      );
      ws.write(
        `r${run}.json`,
        seckitReport({
          repository: `repo-${run % 3}`,
          createdAt: new Date(Date.parse('2026-01-01T00:00:00Z') + run * 4 * 86_400_000).toISOString(),
          findings,
        }),
      );
    }
    // Partial runs close nothing, so every finding stays open.
    const files = Array.from({ length: 15 }, (_, run) => `r${run}.json`);
    expect((await ws.run('ingest', ...files, '--scope', 'staged')).code).toBe(0);
    const json = JSON.parse((await ws.run('summary', '--format', 'json')).stdout) as Summary;
    const open = json.findings.filter((f) => f.state === 'open');
    expect(open).toHaveLength(150);
    const markdown = (await ws.run('summary')).stdout;
    const listed = [...markdown.matchAll(/`([0-9a-f]{10})`<\/sub>/g)].map((m) => m[1]);
    expect(listed).toEqual(open.slice(0, 20).map((f) => f.id.slice(0, 10)));
    // And that order is urgency: the most overdue first.
    const overdue = open.slice(0, 20).map((f) => f.sla?.daysOverdue ?? -1);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
  });
});
