// @seckit/report: sec-report's library. Explicit named re-exports only. The database layer
// (sql.js) stays internal: its types are not part of the public API.

export type { CliIo } from './cli/io.js';
export { EXIT } from './cli/io.js';
export { run } from './cli/run.js';
export type { LoadOptions } from './ingest/load-input.js';
export { loadInput } from './ingest/load-input.js';
export { maskLikelySecrets, maskText } from './ingest/mask.js';
export type { IngestOverrides, InputFormat, NormalizedFinding, NormalizedRun } from './ingest/normalized.js';
export { INPUT_FORMATS } from './ingest/normalized.js';
export { severityFromLevel, severityFromScore } from './ingest/severity.js';
export type { FindingView, Summary } from './metrics/build-summary.js';
export type { GateResult, TargetCheck } from './metrics/gate.js';
export type { RotationView } from './metrics/rotation.js';
export { formatJson } from './output/json.js';
export { formatMarkdown } from './output/markdown.js';
export type { Migration } from './store/migrations.js';
export { MIGRATIONS } from './store/migrations.js';
