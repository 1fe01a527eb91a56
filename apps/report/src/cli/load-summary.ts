import { SeckitError } from '@seckit/core';
import { buildSummary, type Summary } from '../metrics/build-summary.js';
import { fillDetails, type LoadedState, loadFindings } from '../metrics/load-findings.js';
import { DAY } from '../metrics/time.js';
import { type Period, periodBounds } from '../metrics/trend.js';
import { MARKDOWN_URGENT_ROWS } from '../output/markdown.js';
import { openStore } from '../store/open-store.js';
import { type Context, loadPolicyFile, stringOption } from './context.js';

export interface SummaryOptions {
  period: Period;
  /**
   * `all`: every finding's message, path and links (JSON, HTML, SARIF); `urgent`: only those the
   * Markdown summary lists; `none`: figures only (gate).
   */
  details: 'all' | 'urgent' | 'none';
}

/**
 * The read side shared by summary, html, sarif and gate: policy, database (read-only copy),
 * the findings of one repository or all, and the summary built from them.
 */
export async function loadSummary(
  ctx: Context,
  command: string,
  options: SummaryOptions,
): Promise<{ summary: Summary; state: LoadedState }> {
  const policy = await loadPolicyFile(ctx);
  const store = await openStore({
    file: ctx.db,
    name: ctx.dbShown,
    mode: 'read',
    command: `sec-report ${command}`,
  });
  try {
    const repository = stringOption(ctx.values, 'repository');
    // No metric looks further back than the SLA window or the first period of the trend.
    const fixedSince = Math.min(
      ctx.now - policy.targets.windowDays * DAY,
      periodBounds(options.period, ctx.now)[0]!.start,
    );
    const state = loadFindings(store.db, policy, {
      repository,
      details: options.details === 'all',
      fixedSince,
    });
    if (repository !== undefined && state.runs === 0) {
      const known = (
        store.db.exec('SELECT name FROM repositories ORDER BY name LIMIT 20')[0]?.values ?? []
      ).map((r) => String(r[0]));
      throw new SeckitError(
        'E_USAGE',
        `--repository ${JSON.stringify(repository)}: ${ctx.dbShown} has no runs of it; ${known.length === 0 ? 'it holds no runs yet' : `it holds: ${known.join(', ')}`}`,
      );
    }
    const summary = buildSummary(state, policy, {
      now: ctx.now,
      period: options.period,
      repository,
      viewLimit: options.details === 'all' ? undefined : MARKDOWN_URGENT_ROWS,
    });
    if (options.details === 'urgent') {
      fillDetails(
        store.db,
        summary.findings.filter((f) => f.state === 'open').slice(0, MARKDOWN_URGENT_ROWS),
      );
    }
    return { summary, state };
  } finally {
    await store.close();
  }
}
