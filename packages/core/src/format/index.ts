import type { Report } from '../schemas/report.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import type { OutputFormat } from './output-formats.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export interface FormatOptions {
  /** Text only; decide it with `shouldUseColor`. Off by default so piped output stays plain. */
  color?: boolean;
}

/** One entry point for the CLI's `--format`; every formatter returns the whole output as a string. */
export function formatReport(report: Report, format: OutputFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(report, { color: options.color ?? false });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'github':
      return formatGithub(report);
  }
}
