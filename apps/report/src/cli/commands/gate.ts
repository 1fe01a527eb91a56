import { SeckitError } from '@seckit/core';
import type { TargetCheck } from '../../metrics/gate.js';
import { plural } from '../../output/format-helpers.js';
import { type Context, stringOption } from '../context.js';
import { EXIT } from '../io.js';
import { loadSummary } from '../load-summary.js';

function line(c: TargetCheck): string {
  const where = c.repository === undefined ? '' : `${c.repository}: `;
  return `${c.passed ? '✓' : '✗'} ${where}${c.measure} [${c.target}]`;
}

/** `sec-report gate`: exit 1 when a target of the policy is missed, saying which. */
export async function gateCommand(ctx: Context): Promise<number> {
  const format = stringOption(ctx.values, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new SeckitError(
      'E_USAGE',
      `--format: expected text or json for gate, got "${format.slice(0, 40)}"`,
    );
  }
  const { summary } = await loadSummary(ctx, 'gate', { period: 'week', details: 'none' });
  const { gate } = summary;
  if (format === 'json') {
    ctx.io.stdout.write(`${JSON.stringify({ generatedAt: summary.generatedAt, ...gate }, null, 2)}\n`);
    return gate.passed ? EXIT.ok : EXIT.missed;
  }
  const missed = gate.checks.filter((c) => !c.passed);
  const scope = summary.repository ?? plural(summary.repositories, 'repository', 'repositories');
  if (gate.checks.length === 0) {
    ctx.io.stdout.write(`sec-report gate: passed: the policy sets no targets for ${scope}\n`);
    return EXIT.ok;
  }
  if (missed.length === 0) {
    ctx.io.stdout.write(
      `sec-report gate: passed: ${scope} meet${summary.repository === undefined && summary.repositories !== 1 ? '' : 's'} all ${plural(gate.checks.length, 'target')}\n`,
    );
    return EXIT.ok;
  }
  const out = [
    `sec-report gate: failed: ${missed.length} of ${plural(gate.checks.length, 'target')} missed for ${scope}`,
  ];
  for (const c of missed) out.push(`  ${line(c)}`);
  out.push(
    'Fix or triage the findings (sec-report triage), rotate the secrets, or change the targets in the policy.',
  );
  ctx.io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.missed;
}
