import os from 'node:os';
import path from 'node:path';
import {
  type AuditException,
  type Finding,
  fingerprint,
  isExpired,
  type Policy,
  type PolicyException,
  type RunError,
  type Scope,
} from '@seckit/core';
import { type AdvisoryMatch, type DatabaseSource, loadAdvisoryDatabase } from './advisory-db.js';
import { collectInventory, type InstalledPackage, type Inventory } from './inventory.js';
import { AUDIT_ECOSYSTEMS, type Ecosystem, matchName } from './osv-record.js';

export const AUDIT_RULES = {
  vulnerable: 'seckit/vulnerable-dependency',
  malicious: 'seckit/malicious-package',
} as const;

const README = 'https://github.com/seckit/seckit/blob/main/packages/hooks/README.md';
const DAY = 24 * 60 * 60 * 1000;

export interface AuditInput {
  root: string;
  /** Repo-relative lockfiles and requirements files to audit. */
  files: readonly string[];
  read: (rel: string) => Promise<string | undefined>;
  policy: Policy;
  scope: Scope;
  env: NodeJS.ProcessEnv;
  /** `--db <dir>` (absolute or relative to the current folder, already resolved). */
  database?: string;
  now?: Date;
}

export interface AuditResult {
  findings: Finding[];
  errors: RunError[];
  warnings: string[];
  /** `audit.exceptions` entries as exceptions of the findings they match (evaluate applies them). */
  exceptions: PolicyException[];
  inventory: Inventory;
  /** Package versions of ecosystems `audit.ecosystems` leaves out: counted, not judged. */
  notAudited: number;
  database: { dir: string; sources: DatabaseSource[] };
}

/** Where the offline database is: `--db`, the policy, osv-scanner's variable, then the user cache. */
export function auditDatabaseDir(
  root: string,
  policy: Policy,
  env: NodeJS.ProcessEnv,
  override?: string,
): string {
  if (override !== undefined) return override;
  if (policy.audit.database !== undefined) return path.resolve(root, policy.audit.database);
  if (env.OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY) return env.OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY;
  const cache = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(cache, 'seckit', 'osv');
}

export function missingDatabaseMessage(dir: string, missing: readonly Ecosystem[], url: string): string {
  return `no advisory database for ${missing.join(' and ')} at ${dir}: run \`seckit audit --update-db\` (downloads from ${url}), or set "audit.database" in .seckit/policy.json`;
}

/**
 * Matches every exact version the lockfiles resolve against the offline OSV database. Never
 * downloads. A missing database is an error on full and range scans (nothing was checked: fail
 * closed), a warning in the hook (a commit must not depend on a download).
 */
export async function runAudit(input: AuditInput): Promise<AuditResult> {
  const { policy } = input;
  const now = input.now ?? new Date();
  const inventory = await collectInventory(input.files, input.read);
  const dir = auditDatabaseDir(input.root, policy, input.env, input.database);
  const result: AuditResult = {
    findings: [],
    errors: inventory.errors.map((e) => ({ path: e.path, message: e.message })),
    warnings: [],
    exceptions: [],
    inventory,
    notAudited: 0,
    database: { dir, sources: [] },
  };
  for (const file of inventory.unread) {
    result.warnings.push(
      `${file}: this lockfile format is not read by the audit; its packages were not checked`,
    );
  }
  for (const file of inventory.missing) {
    result.warnings.push(
      `${file}: a requirements file names it (-r) but it does not exist; nothing in it was audited`,
    );
  }
  if (inventory.unpinned.length > 0) {
    const first = inventory.unpinned[0]!;
    result.warnings.push(
      `${inventory.unpinned.length} requirement line(s) pin no exact version and were not audited (a range has no version to judge), e.g. ${first.file}:${first.line} ${first.requirement}; pin them (==X) or audit a lockfile`,
    );
  }
  const wanted: readonly Ecosystem[] = policy.audit.ecosystems ?? AUDIT_ECOSYSTEMS;
  const packages = inventory.packages.filter((p) => wanted.includes(p.ecosystem));
  result.notAudited = inventory.packages.length - packages.length;
  const used = AUDIT_ECOSYSTEMS.filter((e) => packages.some((p) => p.ecosystem === e));
  if (used.length === 0) return result;

  const names = new Map<Ecosystem, Set<string>>();
  for (const p of packages) {
    const set = names.get(p.ecosystem) ?? new Set<string>();
    names.set(p.ecosystem, set);
    set.add(matchName(p.ecosystem, p.name));
  }
  const db = await loadAdvisoryDatabase({ dir, ecosystems: used, names });
  result.database.sources = db.sources;
  const missing = db.sources.filter((s) => !s.present).map((s) => s.ecosystem);
  if (missing.length > 0) {
    const message = missingDatabaseMessage(dir, missing, policy.audit.updateUrl);
    if (input.scope === 'staged') result.warnings.push(`audit skipped: ${message}`);
    else result.errors.push({ path: dir, message });
  }
  for (const problem of db.problems) {
    if (problem.entry === undefined) result.errors.push({ path: problem.file, message: problem.message });
  }
  const recordProblems = db.problems.filter((p) => p.entry !== undefined);
  if (recordProblems.length > 0) {
    const p = recordProblems[0]!;
    result.warnings.push(
      `${recordProblems.length} advisory record(s) could not be read and were skipped, e.g. ${p.file} › ${p.entry}: ${p.message}`,
    );
  }
  // Stale data still finds what it knows: a warning, not an error (osv-scanner does the same);
  // CI that wants fresh data runs `--update-db` first.
  const maxAge = policy.audit.maxAgeDays;
  for (const source of db.sources) {
    const updated = newest(source);
    if (updated === undefined) continue;
    const days = Math.floor((now.getTime() - updated.getTime()) / DAY);
    if (days > maxAge) {
      result.warnings.push(
        `the ${source.ecosystem} advisory database is ${days} days old (allowed: ${maxAge}, audit.maxAgeDays or --max-age-days): advisories published since are not known to it; run \`seckit audit --update-db\``,
      );
    }
  }

  for (const pkg of packages) {
    for (const match of db.match(pkg.ecosystem, pkg.name, pkg.version)) {
      const { active, expired } = exceptionFor(policy, pkg, match, now);
      const finding = vulnerabilityFinding(pkg, match, policy.fingerprintSalt, expired);
      result.findings.push(finding);
      // Applied by `evaluate` like a policy exception: the finding is listed as suppressed, with why.
      if (active !== undefined) {
        result.exceptions.push({
          fingerprint: finding.id,
          reason: `${active.id}: ${active.reason}`,
          ...(active.expires === undefined ? {} : { expires: active.expires }),
        });
      }
    }
  }
  if (db.unparsable.size > 0) {
    result.warnings.push(
      `${db.unparsable.size} installed version(s) are not versions of their ecosystem's order and were judged by exact version lists only, e.g. ${[...db.unparsable][0]}`,
    );
  }
  return result;
}

/**
 * The `audit.exceptions` entry for this finding: any id of the group (case aside), optionally only
 * for one package. An expired one no longer applies; the finding says it expired (as the
 * dependency exceptions do) rather than being waived.
 */
function exceptionFor(
  policy: Policy,
  pkg: InstalledPackage,
  match: AdvisoryMatch,
  now: Date,
): { active?: AuditException; expired?: AuditException } {
  const ids = new Set(match.ids.map((i) => i.toUpperCase()));
  let expired: AuditException | undefined;
  for (const exception of policy.audit.exceptions) {
    if (!ids.has(exception.id.toUpperCase())) continue;
    if (
      exception.package !== undefined &&
      matchName(pkg.ecosystem, exception.package) !== matchName(pkg.ecosystem, pkg.name)
    )
      continue;
    if (!isExpired(exception.expires, now)) return { active: exception };
    expired ??= exception;
  }
  return expired === undefined ? {} : { expired };
}

/**
 * The database's age: its newest record's `modified` time (OSV updates some record every day),
 * else, for records without one, when the file was written. A download's fresh file time does not
 * make old data new.
 */
export function newest(source: DatabaseSource): Date | undefined {
  return source.newestModified ?? source.fileModified;
}

function vulnerabilityFinding(
  pkg: InstalledPackage,
  match: AdvisoryMatch,
  salt: string | undefined,
  expired: AuditException | undefined,
): Finding {
  const ruleId = match.malicious ? AUDIT_RULES.malicious : AUDIT_RULES.vulnerable;
  const others = match.ids.filter((i) => i !== match.id);
  const ids = others.length === 0 ? match.id : `${match.id} (${others.join(', ')})`;
  const via =
    pkg.chain === undefined
      ? ''
      : pkg.chain.length <= 1
        ? '; a direct dependency'
        : `; brought in by ${pkg.chain.join(' > ')}`;
  const what = match.malicious
    ? `${pkg.name}@${pkg.version} is a known malicious package: ${ids}`
    : `${pkg.name}@${pkg.version} has a known vulnerability: ${ids}${match.summary === undefined ? '' : ` (${match.summary.trim()})`}`;
  const fixed = match.fixed === undefined ? '; no fixed version known' : `; upgrade to ≥ ${match.fixed}`;
  const direct = pkg.chain?.[0];
  const fix = match.malicious
    ? `Remove ${pkg.name} now and treat every machine that installed it as compromised (rotate its credentials).`
    : match.fixed !== undefined
      ? `Upgrade ${pkg.name} to ${match.fixed} or later${direct !== undefined && direct !== pkg.name ? ` (through ${direct}, or an override)` : ''} and update the lockfile; or accept it for now with an "audit.exceptions" entry (reason, expiry) in .seckit/policy.json.`
      : `Replace or remove ${pkg.name}, or accept the risk with an "audit.exceptions" entry (reason, expiry) in .seckit/policy.json.`;
  return {
    id: fingerprint({
      ruleId,
      path: pkg.file,
      content: `${pkg.ecosystem}\0${pkg.name}\0${pkg.version}\0${match.id}`,
      ...(salt === undefined ? {} : { salt }),
    }),
    ruleId,
    category: 'vulnerability',
    severity: match.severity,
    message: `${what}${fixed}${via}${expired === undefined ? '' : ` (the exception for ${expired.id} expired on ${expired.expires})`}`,
    location: { path: pkg.file, startLine: pkg.line, startColumn: 1, endLine: pkg.line, endColumn: 1 },
    fix,
    docsUrl: `${README}#${ruleId.replace(/[^a-z0-9-]/g, '')}`,
    tool: 'seckit',
    properties: {
      ecosystem: pkg.ecosystem,
      package: pkg.name,
      version: pkg.version,
      advisory: match.id,
      aliases: match.ids.join(' '),
      severitySource: match.severitySource,
      url: match.url,
      ...(match.fixed === undefined ? {} : { fixed: match.fixed }),
      ...(match.cvss === undefined ? {} : { cvss: match.cvss.score, cvssVector: match.cvss.vector }),
      ...(pkg.chain === undefined ? {} : { via: pkg.chain.join(' > ') }),
    },
  };
}
