import { plural } from '../../output/format-helpers.js';
import { formatHtml } from '../../output/html.js';
import { writeAtomic } from '../../store/write-atomic.js';
import { VERSION } from '../../version.js';
import { type Context, periodOption, requireOutput, resolvePath } from '../context.js';
import { EXIT } from '../io.js';
import { loadSummary } from '../load-summary.js';

/** `sec-report html -o <file>`: the single-file offline dashboard. */
export async function htmlCommand(ctx: Context): Promise<number> {
  const output = requireOutput(ctx, 'html');
  const { summary } = await loadSummary(ctx, 'html', { period: periodOption(ctx.values), details: 'all' });
  const html = formatHtml(summary, VERSION);
  await writeAtomic(resolvePath(ctx.io, output), html);
  const size = Buffer.byteLength(html);
  ctx.io.stdout.write(
    `${output}: dashboard written (${(size / 1_000_000).toFixed(1)} MB, ${plural(summary.findings.length, 'finding')}, ${summary.gate.checks.filter((c) => !c.passed).length} targets missed)\n`,
  );
  return EXIT.ok;
}
