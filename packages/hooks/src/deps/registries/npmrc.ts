import type { Span } from '../text-place.js';

export interface ConfiguredRegistry {
  url: string;
  /** `registry`, `@scope:registry`, `npmRegistryServer`, `npmScopes.acme.npmRegistryServer`… */
  key: string;
  file: string;
  span: Span;
}

/**
 * Registry settings of an `.npmrc` (ini: `key=value`, `;`/`#` comments): `registry=` and
 * `@scope:registry=`. Values that depend on the environment (`${REGISTRY}`) cannot be known
 * here and are left out; lockfile URLs pointing there must then be allowed in the policy.
 */
export function npmrcRegistries(file: string, text: string): ConfiguredRegistry[] {
  const out: ConfiguredRegistry[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const m = /^\s*((?:@[^:=\s]+:)?registry)\s*=\s*(.*?)\s*$/.exec(line);
    if (m === null) continue;
    let value = m[2]!;
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    if (value === '' || value.includes('${')) continue;
    const at = line.indexOf(value, line.indexOf('='));
    out.push({
      url: value,
      key: m[1]!,
      file,
      span: { start: lineStart + at, end: lineStart + at + value.length },
    });
  }
  return out;
}
