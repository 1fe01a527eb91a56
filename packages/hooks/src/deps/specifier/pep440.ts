import type { Classification } from './classes.js';

/** PEP 440's version grammar (as in `packaging`), anchored, case-insensitive. */
const VERSION =
  /^v?(?:\d+!)?\d+(?:\.\d+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?(?:-\d+|[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?dev[-_.]?\d*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;
const PREFIX = /^v?(?:\d+!)?\d+(?:\.\d+)*\.\*$/i;

export function isPep440Version(text: string): boolean {
  return VERSION.test(text);
}

/**
 * Packages that publish builds with a local label (`2.3.0+cu121`) next to the plain version:
 * `==2.3.0` also accepts those (PEP 440), so the pin is weaker than it reads.
 */
const LOCAL_LABEL_PACKAGES = new Set(['torch', 'torchvision', 'torchaudio', 'jaxlib', 'paddlepaddle-gpu']);

/**
 * A PEP 440 specifier set (`==2.31.0`, `>=2.31,<3`, `~=2.31.0`, `==2.31.*`, `===2.31.0`, or
 * nothing). Pinned only by `==X` without a wildcard or by `===X` — unlike pip's own `is_pinned`,
 * which calls `==1.2.*` pinned.
 */
export function classifyPep440(raw: string, name?: string): Classification {
  let spec = raw.trim();
  if (spec.startsWith('(') && spec.endsWith(')')) spec = spec.slice(1, -1).trim();
  if (spec === '') return { cls: 'range', verdict: 'unpinned', detail: 'no version (any version)' };
  const clauses = spec.split(',').map((c) => c.trim());
  const parsed: { op: string; version: string }[] = [];
  for (const clause of clauses) {
    const m = /^(===|==|!=|~=|<=|>=|<|>)\s*(\S+)$/.exec(clause);
    if (m === null)
      return { cls: 'invalid', verdict: 'unpinned', detail: `"${clause}" is not a PEP 440 specifier` };
    const op = m[1]!;
    const version = m[2]!;
    const wildcard = (op === '==' || op === '!=') && PREFIX.test(version);
    if (op !== '===' && !wildcard && !VERSION.test(version)) {
      return { cls: 'invalid', verdict: 'unpinned', detail: `"${version}" is not a PEP 440 version` };
    }
    parsed.push({ op, version });
  }
  const arbitrary = parsed.find((c) => c.op === '===');
  if (arbitrary !== undefined) {
    return {
      cls: 'exact',
      verdict: 'pinned',
      detail: 'arbitrary equality (===)',
      version: arbitrary.version,
    };
  }
  const exact = parsed.find((c) => c.op === '==' && !c.version.endsWith('.*'));
  if (exact !== undefined) {
    const normalized = name?.toLowerCase().replace(/[-_.]+/g, '-');
    const note =
      !exact.version.includes('+') && normalized !== undefined && LOCAL_LABEL_PACKAGES.has(normalized)
        ? `${raw.trim()} also matches local-label builds (${exact.version}+cu121…); write the label to pin one build`
        : undefined;
    return {
      cls: 'exact',
      verdict: 'pinned',
      detail: 'exact version (==)',
      version: exact.version,
      ...(note ? { note } : {}),
    };
  }
  if (parsed.some((c) => c.op === '==')) {
    return { cls: 'range', verdict: 'unpinned', detail: 'prefix match (==X.*), a range' };
  }
  if (parsed.some((c) => c.op === '~='))
    return { cls: 'range', verdict: 'unpinned', detail: 'compatible release (~=)' };
  if (parsed.every((c) => c.op === '!='))
    return { cls: 'range', verdict: 'unpinned', detail: 'exclusions only (!=)' };
  return { cls: 'range', verdict: 'unpinned', detail: 'version range' };
}
