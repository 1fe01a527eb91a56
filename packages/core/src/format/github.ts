import { isRepoPath } from '../repo-path.js';
import type { Finding } from '../schemas/finding.js';
import type { Report } from '../schemas/report.js';
import type { Severity } from '../severity.js';

type Command = 'error' | 'warning' | 'notice';

const COMMAND: Record<Severity, Command> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

// The runner's own escaping (actions/toolkit `command.ts`). Escaping `\r` and `\n` is also what
// keeps a hostile message from starting a line of its own and issuing a second command.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(
  name: Command,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

function annotation(f: Finding): string {
  const { location: l } = f;
  // The Checks API behind annotations takes columns only within one line ("omit them if start_line
  // and end_line differ"), so a multi-line range is annotated by lines alone.
  const oneLine = l.startLine === l.endLine;
  return command(
    COMMAND[f.severity],
    {
      file: l.path,
      line: l.startLine,
      col: oneLine ? l.startColumn : undefined,
      endLine: l.endLine,
      endColumn: oneLine ? l.endColumn : undefined,
      title: `${f.severity}: ${f.ruleId}`,
    },
    f.fix === undefined ? f.message : `${f.message}\n${f.fix}`,
  );
}

/**
 * GitHub Actions workflow commands: one annotation per finding, most severe first (GitHub shows only
 * the first few per step), then run errors and warnings so a partial scan is visible in the UI too.
 */
export function formatGithub(report: Report): string {
  const lines = report.findings.map(annotation);
  for (const e of report.errors) {
    const title = e.check === undefined ? 'seckit: could not check' : `seckit: ${e.check} could not check`;
    // Only a repository-relative path can be attached; anything else stays in the message alone.
    const file = e.path !== undefined && isRepoPath(e.path) ? e.path : undefined;
    lines.push(command('error', { file, title }, e.message));
  }
  for (const w of report.warnings) lines.push(command('warning', { title: 'seckit' }, w));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
