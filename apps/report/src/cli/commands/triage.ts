import { SeckitError } from '@seckit/core';
import { checkTriage, triage } from '../../history/triage.js';
import { shortId } from '../../output/format-helpers.js';
import { openStore } from '../../store/open-store.js';
import { type Context, stringOption } from '../context.js';
import { EXIT } from '../io.js';

/** `sec-report triage <id…>`: append a decision for each finding (all or none). */
export async function triageCommand(ctx: Context): Promise<number> {
  if (ctx.positionals.length === 0) {
    throw new SeckitError(
      'E_USAGE',
      '`sec-report triage` needs finding ids (shown by `sec-report summary` and the dashboard)',
    );
  }
  const until = stringOption(ctx.values, 'until');
  const reason = stringOption(ctx.values, 'reason');
  const status = checkTriage(stringOption(ctx.values, 'status'), reason, until, ctx.now);
  const actor = stringOption(ctx.values, 'by') ?? ctx.io.env.USER ?? ctx.io.env.USERNAME ?? 'unknown';
  const store = await openStore({
    file: ctx.db,
    name: ctx.dbShown,
    mode: 'write',
    command: 'sec-report triage',
  });
  try {
    const done = triage(store.db, {
      refs: ctx.positionals,
      status,
      reason: reason!,
      until,
      actor,
      now: ctx.now,
    });
    await store.save();
    for (const f of done) {
      const where = f.path === null ? '' : ` ${f.path}${f.line === null ? '' : `:${f.line}`}`;
      const change = f.change === undefined ? '' : ` (now ${f.change})`;
      ctx.io.stdout.write(
        `${shortId(f.key)} ${f.repository}${where} [${f.ruleId}]: ${status}${until === undefined ? '' : ` until ${until}`} by ${actor}${change}\n`,
      );
    }
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
