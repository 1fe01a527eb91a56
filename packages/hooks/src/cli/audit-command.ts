import path from 'node:path';
import { formatText, OUTPUT_FORMATS, type OutputFormat, SeckitError, shouldUseColor } from '@seckit/core';
import { AUDIT_ECOSYSTEMS, auditDatabaseDir, isAuditInput, updateAdvisoryDatabase } from '../audit/index.js';
import { resolveRepo } from '../git/resolve-repo.js';
import type { AuditSummary } from '../project-checks.js';
import { scan } from '../scan.js';
import { pathFiles, trackedFiles } from '../targets/tree-files.js';
import { formatOutput } from './format-output.js';
import { type CliIo, EXIT } from './io.js';
import { loadConfig } from './load-config.js';
import { writeAtomic } from './write-atomic.js';

type Values = Record<string, string | boolean | undefined>;

/**
 * `seckit audit [--update-db] [paths…]`: the exact versions of the tracked lockfiles (or of the
 * given paths) against the offline OSV database. Exit 0 nothing blocking, 1 blocked by findings,
 * 2 when the audit could not be completed (no lockfile, no database, a damaged database).
 */
export async function auditCommand(
  positionals: string[],
  values: Values,
  cwd: string,
  io: CliIo,
): Promise<number> {
  const format = (values.format ?? 'text') as string;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new SeckitError(
      'E_USAGE',
      `--format: expected one of ${OUTPUT_FORMATS.join(', ')}, got "${format}"`,
    );
  }
  const maxAgeDays = values['max-age-days'];
  if (maxAgeDays !== undefined && !/^[1-9]\d*$/.test(String(maxAgeDays))) {
    throw new SeckitError(
      'E_USAGE',
      `--max-age-days: expected a whole number of days (1 or more), got "${maxAgeDays}"`,
    );
  }
  const repo = await resolveRepo(cwd);
  const config = await loadConfig(repo.root, { gitDir: repo.commonDir });
  const policy =
    maxAgeDays === undefined
      ? config.policy
      : { ...config.policy, audit: { ...config.policy.audit, maxAgeDays: Number(maxAgeDays) } };
  const ecosystems = policy.audit.ecosystems ?? AUDIT_ECOSYSTEMS;
  const database =
    typeof values.db === 'string'
      ? path.resolve(cwd, values.db)
      : auditDatabaseDir(repo.root, policy, io.env);
  // Machine formats keep stdout for the report: the notes go to stderr.
  const note = (text: string) =>
    (format === 'text' || typeof values.output === 'string' ? io.stdout : io.stderr).write(text);

  if (values['update-db'] === true) {
    const url = typeof values['db-url'] === 'string' ? values['db-url'] : policy.audit.updateUrl;
    if (!/^https?:\/\//.test(url))
      throw new SeckitError('E_USAGE', `--db-url: expected an http(s) URL, got "${url}"`);
    for (const d of await updateAdvisoryDatabase({ dir: database, url, ecosystems })) {
      note(
        `Downloaded the ${d.ecosystem} advisory database: ${d.records.toLocaleString('en-US')} records, ${(d.bytes / 1e6).toFixed(1)} MB → ${d.file}\n`,
      );
    }
  } else if (typeof values['db-url'] === 'string') {
    throw new SeckitError('E_USAGE', '--db-url only applies with --update-db');
  }

  const listed =
    positionals.length > 0 ? await pathFiles(repo.root, cwd, positionals) : await trackedFiles(repo.root);
  const inputs = (listed.onDisk ?? []).filter(isAuditInput);
  if (inputs.length === 0) {
    throw new SeckitError(
      'E_AUDIT_NOTHING',
      positionals.length > 0
        ? `no lockfile or requirements file among ${positionals.join(', ')}: nothing to audit`
        : `no lockfile or requirements file is tracked in ${repo.root}: nothing to audit (commit your lockfile, or name the files: \`seckit audit <paths…>\`)`,
    );
  }
  const { report, audit } = await scan({
    repo,
    scope: positionals.length > 0 ? 'paths' : 'full',
    target: { files: [], onDisk: inputs, skipped: [] },
    policy: {
      ...policy,
      checks: { secrets: false, dependencies: false, lockfiles: false, hygiene: false, audit: true },
    },
    baseline: config.baseline,
    policyWarnings: config.warnings,
    exceptionLine: config.exceptionLine,
    env: io.env,
    auditDatabase: database,
  });
  const color = values['no-color'] !== true && shouldUseColor(io.stdout, io.env);
  const output = await formatOutput(report, format as OutputFormat, color);
  if (typeof values.output === 'string') {
    await writeAtomic(path.resolve(cwd, values.output), output);
    io.stdout.write(formatText(report, { color }));
  } else io.stdout.write(output);
  if (audit !== undefined) note(summaryLine(audit));
  // Nothing was judged for some packages (no database, a damaged one, an unreadable lockfile):
  // not a pass, and not a finding either.
  if (report.errors.length > 0) return EXIT.error;
  return report.decision.blocked ? EXIT.blocked : EXIT.pass;
}

function summaryLine(audit: AuditSummary): string {
  const parts = audit.sources.map((s) => {
    if (!s.present) return `${s.ecosystem}: missing`;
    // "updated": the newest record's modified time, so a fresh copy of old data does not look new.
    const age = s.updated === undefined ? 'age unknown' : `updated ${ago(s.updated)}`;
    return `${s.ecosystem}: ${s.records.toLocaleString('en-US')} advisories, ${age}`;
  });
  const left =
    audit.notAudited === 0
      ? ''
      : `; ${audit.notAudited.toLocaleString('en-US')} of other ecosystems not audited (audit.ecosystems)`;
  return `Audited ${audit.packages.toLocaleString('en-US')} locked package version(s) in ${audit.files.length} file(s) against ${audit.database}${parts.length === 0 ? '' : ` (${parts.join('; ')})`}${left}\n`;
}

function ago(date: Date): string {
  const hours = Math.floor((Date.now() - date.getTime()) / 3_600_000);
  if (hours < 1) return 'within the hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
