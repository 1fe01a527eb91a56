// `seckit audit` and the opt-in `audit` check: known-vulnerable dependencies, offline, from the
// exact versions lockfiles resolve. Loaded on demand only.
export type { AdvisoryMatch, DatabaseProblem, DatabaseSource, LoadedDatabase } from './advisory-db.js';
export { databaseFile, loadAdvisoryDatabase } from './advisory-db.js';
export type { AuditInput, AuditResult } from './audit-check.js';
export { AUDIT_RULES, auditDatabaseDir, missingDatabaseMessage, newest, runAudit } from './audit-check.js';
export type { InstalledPackage, Inventory } from './inventory.js';
export { collectInventory, isAuditInput } from './inventory.js';
export { AUDIT_ECOSYSTEMS, type Ecosystem } from './osv-record.js';
export { DEFAULT_OSV_URL, updateAdvisoryDatabase } from './update-db.js';
