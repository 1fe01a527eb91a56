import { inputError } from './input-error.js';
import type { InputFormat } from './normalized.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Which kind of report a parsed file is, from its shape. An empty array is what both gitleaks and
 * secretlint write when they find nothing, so it needs --input-format.
 */
export function detectFormat(file: string, value: unknown): InputFormat {
  if (isObject(value)) {
    if ('runs' in value || (typeof value.$schema === 'string' && /sarif/i.test(value.$schema)))
      return 'sarif';
    if ('schemaVersion' in value && 'findings' in value) return 'seckit';
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      throw inputError(
        file,
        'an empty list could be a gitleaks or a secretlint report that found nothing; pass --input-format gitleaks or --input-format secretlint',
      );
    }
    const first: unknown = value[0];
    if (isObject(first) && 'RuleID' in first && 'File' in first) return 'gitleaks';
    if (isObject(first) && 'filePath' in first && 'messages' in first) return 'secretlint';
  }
  throw inputError(
    file,
    'not a report sec-report knows: expected a seckit Report (seckit scan --format json), SARIF 2.1.0, secretlint JSON (--format json) or gitleaks JSON (--report-format json)',
  );
}
