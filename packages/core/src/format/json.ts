import { SeckitError } from '../errors.js';
import { formatPath } from '../policy/describe-issues.js';
import { Report } from '../schemas/report.js';

/**
 * The Report as other tools read it: 2-space JSON with a final newline. Parsing through the schema
 * puts keys in schema order whatever order the object was built in (so diffs of two runs line up),
 * fills defaults, drops keys the schema does not know, and refuses to emit a Report that the
 * aggregator would reject anyway.
 */
export function formatJson(report: Report): string {
  const result = Report.safeParse(report);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new SeckitError('E_REPORT', `The report does not match the Report schema:\n${problems.join('\n')}`);
  }
  return `${JSON.stringify(result.data, null, 2)}\n`;
}
