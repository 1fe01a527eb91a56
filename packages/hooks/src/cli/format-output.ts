// The report in the chosen `--format`. Text, what a commit hook prints, needs only the text
// formatter; the others are loaded when asked for (JSON output validates the Report with zod, whose
// loading the hook path avoids: see load-config.ts).
import { formatText, type OutputFormat, type Report } from '@seckit/core';

export async function formatOutput(report: Report, format: OutputFormat, color: boolean): Promise<string> {
  if (format === 'text') return formatText(report, { color });
  const { formatReport } = await import('./format-report.js');
  return formatReport(report, format, { color });
}
