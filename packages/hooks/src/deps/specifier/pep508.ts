import type { Classification } from './classes.js';
import { classifyPep440 } from './pep440.js';
import { classifyPythonUrl } from './python-url.js';

export { normalizePythonName } from './python-name.js';

export interface Pep508 {
  name: string;
  extras: string[];
  /** The version part (`>=2.31,<3`) or the URL after `@`, as written. */
  spec: string;
  /** Offsets of `spec` within the requirement string (the name's when there is no spec). */
  specStart: number;
  specEnd: number;
  url: boolean;
  marker: string | undefined;
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;

/**
 * A PEP 508 requirement: `name[extras] specifiers ; marker` or `name[extras] @ url ; marker`.
 * Returns undefined when the text does not start with a valid name (a path or URL line).
 */
export function parsePep508(text: string): Pep508 | undefined {
  const lead = text.length - text.trimStart().length;
  const m = NAME.exec(text.slice(lead));
  if (m === null) return undefined;
  const name = m[0];
  let i = lead + name.length;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  skip();
  const extras: string[] = [];
  if (text[i] === '[') {
    const close = text.indexOf(']', i);
    if (close < 0) return undefined;
    extras.push(
      ...text
        .slice(i + 1, close)
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== ''),
    );
    i = close + 1;
    skip();
  }
  if (text[i] === '@') {
    i++;
    skip();
    const start = i;
    // PEP 508: a URL ends at whitespace; a marker after it needs " ;".
    while (i < text.length && !/\s/.test(text[i]!)) i++;
    const end = i;
    skip();
    const marker = text[i] === ';' ? text.slice(i + 1).trim() : undefined;
    if (text[i] !== undefined && text[i] !== ';') return undefined;
    return { name, extras, spec: text.slice(start, end), specStart: start, specEnd: end, url: true, marker };
  }
  const semi = text.indexOf(';', i);
  const end = semi < 0 ? text.length : semi;
  const raw = text.slice(i, end);
  const spec = raw.trim();
  const specStart = spec === '' ? lead : i + (raw.length - raw.trimStart().length);
  const specEnd = spec === '' ? lead + name.length : specStart + spec.length;
  const marker = semi < 0 ? undefined : text.slice(semi + 1).trim();
  return { name, extras, spec, specStart, specEnd, url: false, marker };
}

export function classifyPep508(req: Pep508): Classification {
  return req.url ? classifyPythonUrl(req.spec) : classifyPep440(req.spec, req.name);
}
