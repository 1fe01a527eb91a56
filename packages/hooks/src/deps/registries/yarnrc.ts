import { loadYaml } from '../parse/load-yaml.js';
import { isRecord, own, ownRecord, ownString } from '../parse/records.js';
import type { ConfiguredRegistry } from './npmrc.js';

/** `.yarnrc.yml`: `npmRegistryServer` and `npmScopes.<scope>.npmRegistryServer`. */
export async function yarnrcRegistries(file: string, text: string): Promise<ConfiguredRegistry[]> {
  let doc: unknown;
  let spanOf: Awaited<ReturnType<typeof loadYaml>>['spanOf'];
  try {
    const yaml = await loadYaml(text, file, 'E_MANIFEST');
    doc = yaml.docs[0];
    spanOf = yaml.spanOf;
  } catch {
    return []; // an unreadable .yarnrc.yml breaks yarn itself; it adds no trusted registry
  }
  const out: ConfiguredRegistry[] = [];
  const add = (holder: unknown, key: string) => {
    const url = ownString(holder, 'npmRegistryServer');
    const span = spanOf(holder, 'npmRegistryServer')?.value;
    if (url !== undefined && !url.includes('${') && span !== undefined) out.push({ url, key, file, span });
  };
  add(doc, 'npmRegistryServer');
  const scopes = ownRecord(doc, 'npmScopes');
  for (const scope of Object.keys(scopes ?? {})) {
    const holder = own(scopes, scope);
    if (isRecord(holder)) add(holder, `npmScopes.${scope}.npmRegistryServer`);
  }
  return out;
}
