import { SeckitError } from '@seckit/core';
import { formatJson } from '../../output/json.js';
import { formatMarkdown } from '../../output/markdown.js';
import { writeAtomic } from '../../store/write-atomic.js';
import { VERSION } from '../../version.js';
import { type Context, periodOption, resolvePath, stringOption } from '../context.js';
import { EXIT } from '../io.js';
import { loadSummary } from '../load-summary.js';

/** `sec-report summary`: Markdown for a PR comment or step summary, or the JSON model. */
export async function summaryCommand(ctx: Context): Promise<number> {
  const format = stringOption(ctx.values, 'format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') {
    throw new SeckitError('E_USAGE', `--format: expected markdown or json, got "${format.slice(0, 40)}"`);
  }
  const { summary } = await loadSummary(ctx, 'summary', {
    period: periodOption(ctx.values),
    details: format === 'json' ? 'all' : 'urgent',
  });
  const text = format === 'json' ? formatJson(summary) : formatMarkdown(summary, VERSION);
  const output = stringOption(ctx.values, 'output');
  if (output === undefined) ctx.io.stdout.write(text);
  else {
    await writeAtomic(resolvePath(ctx.io, output), text);
    ctx.io.stdout.write(`${output}: summary written (${summary.openTotal} open findings)\n`);
  }
  return EXIT.ok;
}
