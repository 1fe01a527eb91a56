import { plural } from '../../output/format-helpers.js';
import { formatSarif } from '../../output/sarif.js';
import { writeAtomic } from '../../store/write-atomic.js';
import { type Context, loadPolicyFile, requireOutput, resolvePath } from '../context.js';
import { EXIT } from '../io.js';
import { loadSummary } from '../load-summary.js';

/** `sec-report sarif -o <file>`: the findings still present, for GitHub code scanning and others. */
export async function sarifCommand(ctx: Context): Promise<number> {
  const output = requireOutput(ctx, 'sarif');
  const policy = await loadPolicyFile(ctx);
  const { state } = await loadSummary(ctx, 'sarif', { period: 'week', details: 'all' });
  const sarif = formatSarif(state, policy, ctx.now);
  await writeAtomic(resolvePath(ctx.io, output), sarif.text);
  const left =
    sarif.leftOut === 0
      ? ''
      : `; ${plural(sarif.leftOut, 'finding')} without a file location left out (GitHub needs one)`;
  ctx.io.stdout.write(
    `${output}: ${plural(sarif.results, 'result')} in ${plural(sarif.runs, 'run')}${left}\n`,
  );
  return EXIT.ok;
}
