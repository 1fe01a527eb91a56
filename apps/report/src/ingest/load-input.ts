import { detectFormat } from './detect-format.js';
import { fromGitleaks } from './from-gitleaks.js';
import { fromSarif } from './from-sarif.js';
import { fromSeckitReport } from './from-seckit.js';
import { fromSecretlint } from './from-secretlint.js';
import type { IngestOverrides, NormalizedRun } from './normalized.js';
import { checkDepth, parseInput, readInput } from './read-input.js';

export interface LoadOptions extends IngestOverrides {
  maxInputBytes: number;
}

/**
 * One input file (`source`, named `file` in messages) to its runs: read (size-limited), parse, check nesting, detect the format,
 * validate, normalise and mask. Throws a SeckitError naming the file on any problem; nothing is
 * stored until every run of the file is in hand.
 */
export async function loadInput(
  source: string,
  file: string,
  options: LoadOptions,
): Promise<NormalizedRun[]> {
  const text = await readInput(source, file, options.maxInputBytes);
  const value = parseInput(file, text);
  checkDepth(file, value);
  const format = options.format ?? detectFormat(file, value);
  switch (format) {
    case 'seckit':
      return fromSeckitReport(file, value, text, options);
    case 'sarif':
      return fromSarif(file, value, text, options);
    case 'secretlint':
      return fromSecretlint(file, value, text, options);
    case 'gitleaks':
      return fromGitleaks(file, value, text, options);
  }
}
