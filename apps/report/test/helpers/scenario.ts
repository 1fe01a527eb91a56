import type { Workspace } from './cli.js';
import { finding, seckitReport } from './reports.js';

/**
 * A small, fully worked history (the expected figures are derived in sla-metrics.test.ts):
 * web: crit1, high1, med1, low1 first seen 2026-01-01 12:00; high1 fixed 02-27; crit2 and med2
 * seen 02-27 and fixed 03-01; high2 seen 03-01. api: old1 (low) seen 2025-11-01, still open.
 */
export const F = {
  crit1: finding({ path: 'src/crit1.ts', content: 'crit1', severity: 'critical' }),
  high1: finding({
    path: 'src/high1.ts',
    content: 'high1',
    severity: 'high',
    ruleId: 'seckit/dependency-pin',
    category: 'dependency',
    message: 'Unpinned dependency',
  }),
  med1: finding({ path: 'src/med1.ts', content: 'med1', severity: 'medium' }),
  low1: finding({ path: 'src/low1.ts', content: 'low1', severity: 'low' }),
  crit2: finding({ path: 'src/crit2.ts', content: 'crit2', severity: 'critical' }),
  med2: finding({ path: 'src/med2.ts', content: 'med2', severity: 'medium' }),
  high2: finding({ path: 'src/high2.ts', content: 'high2', severity: 'high' }),
  old1: finding({ path: 'lib/old1.ts', content: 'old1', severity: 'low' }),
};

export async function ingestScenario(ws: Workspace): Promise<void> {
  const { crit1, high1, med1, low1, crit2, med2, high2, old1 } = F;
  ws.write(
    'r/api-1.json',
    seckitReport({ repository: 'api', findings: [old1], createdAt: '2025-11-01T12:00:00Z' }),
  );
  ws.write(
    'r/web-1.json',
    seckitReport({ findings: [crit1, high1, med1, low1], createdAt: '2026-01-01T12:00:00Z' }),
  );
  ws.write(
    'r/web-2.json',
    seckitReport({ findings: [crit1, med1, low1, crit2, med2], createdAt: '2026-02-27T12:00:00Z' }),
  );
  ws.write(
    'r/web-3.json',
    seckitReport({ findings: [crit1, med1, low1, high2], createdAt: '2026-03-01T12:00:00Z' }),
  );
  ws.write(
    'r/api-2.json',
    seckitReport({ repository: 'api', findings: [old1], createdAt: '2026-03-02T06:00:00Z' }),
  );
  const r = await ws.run('ingest', 'r');
  if (r.code !== 0) throw new Error(`scenario ingest failed: ${r.stderr}`);
}
