import { loadToml } from '../parse/load-toml.js';
import { isRecord, own, ownRecord } from '../parse/records.js';
import type { ConfiguredRegistry } from './npmrc.js';

/** bunfig.toml: `[install] registry` and `[install.scopes]` (a URL string or `{ url = … }`). */
export async function bunfigRegistries(file: string, text: string): Promise<ConfiguredRegistry[]> {
  let doc: unknown;
  try {
    doc = await loadToml(text, file, 'E_MANIFEST');
  } catch {
    return [];
  }
  const install = ownRecord(doc, 'install');
  const out: ConfiguredRegistry[] = [];
  const add = (value: unknown, key: string) => {
    const url = typeof value === 'string' ? value : isRecord(value) ? own(value, 'url') : undefined;
    if (typeof url !== 'string' || url.includes('$')) return;
    const at = text.indexOf(url);
    out.push({ url, key, file, span: { start: Math.max(0, at), end: Math.max(0, at) + url.length } });
  };
  add(own(install, 'registry'), 'install.registry');
  const scopes = ownRecord(install, 'scopes');
  for (const scope of Object.keys(scopes ?? {})) add(own(scopes, scope), `install.scopes.${scope}`);
  return out;
}
