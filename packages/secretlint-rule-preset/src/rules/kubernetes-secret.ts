import { isPlaceholderValue } from '../placeholder.js';
import { decodeBase64, type Hit, overlaps, type RuleDefinition, type SourceFile } from '../rule-kit.js';
import { containsKnownToken } from './known-formats.js';
import { findPrivateKeys } from './private-key.js';

interface Line {
  start: number;
  end: number;
  text: string;
  indent: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).replace(/\r$/, '');
    lines.push({ start, end: start + raw.length, text: raw, indent: raw.length - raw.trimStart().length });
    start = end + 1;
  }
  return lines;
}

const KIND_SECRET = /^kind:[ \t]*["']?Secret["']?[ \t]*(?:#.*)?$/;
const KIND_SECRET_ANYWHERE = /^kind:[ \t]*["']?Secret/m;
const SECTION = /^(data|stringData):[ \t]*(?:#.*)?$/;
const ENTRY = /^([A-Za-z0-9._-]{1,253})[ \t]*:(?:[ \t]+(.*))?$/;
// Entries that name what is not secret in a Secret (its user name, host, port…).
const NOT_SECRET_KEY =
  /^(?:user(?:name)?|login|host(?:name)?|port|database|db(?:name)?|namespace|region|email|endpoint|server|url|uri|ca\.crt|tls\.crt|service-ca\.crt)$/i;

function isBlank(line: Line): boolean {
  return line.text.trim() === '' || line.text.trimStart().startsWith('#');
}

/** The value of `key: value` on one line: quoted or plain, without a trailing comment. */
function scalarSpan(line: Line, raw: string): [number, number] | undefined {
  const offset = line.start + line.text.length - raw.length;
  const quoted = /^(["'])(.*)\1[ \t]*(?:#.*)?$/.exec(raw);
  if (quoted !== null) return [offset + 1, offset + 1 + (quoted[2] ?? '').length];
  if (raw.startsWith('#')) return undefined;
  // A comment starts at a `#` preceded by whitespace; a `#` inside the scalar is part of it.
  const comment = raw.search(/[ \t]#/);
  const value = (comment < 0 ? raw : raw.slice(0, comment)).trimEnd();
  return value === '' ? undefined : [offset, offset + value.length];
}

/** Values under `data:` / `stringData:` of YAML documents with `kind: Secret`. */
export function findKubernetesSecretValues(file: SourceFile): Hit[] {
  if (!file.has('secret')) return [];
  const { text } = file;
  // Most files that say "secret" are not Secret manifests: no `kind: Secret` line, no line split.
  if (!KIND_SECRET_ANYWHERE.test(text)) return [];
  const lines = splitLines(text);
  const hits: Hit[] = [];
  let docStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && !/^(?:---|\.\.\.)(?:\s|$)/.test(line.text)) continue;
    hits.push(...documentHits(text, lines.slice(docStart, i)));
    docStart = i + 1;
  }
  if (hits.length === 0) return hits;
  const keys = findPrivateKeys(file, { reportPresetCovered: true }).map((h): [number, number] => [
    h.start,
    h.end,
  ]);
  return hits.filter((h) => !keys.some((k) => overlaps(k, [h.start, h.end])));
}

function documentHits(text: string, lines: readonly Line[]): Hit[] {
  if (!lines.some((l) => l.indent === 0 && KIND_SECRET.test(l.text))) return [];
  const hits: Hit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const section = SECTION.exec(lines[i]?.indent === 0 ? (lines[i]?.text ?? '') : '');
    if (section === null) continue;
    const encoded = section[1] === 'data';
    let childIndent = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (isBlank(line)) continue;
      if (line.indent === 0) break;
      if (childIndent < 0) childIndent = line.indent;
      if (line.indent !== childIndent) continue;
      const entry = ENTRY.exec(line.text.trim());
      if (entry === null) continue;
      const key = entry[1] ?? '';
      const raw = (entry[2] ?? '').trim();
      if (NOT_SECRET_KEY.test(key) || raw === '' || raw === '""' || raw === "''") continue;
      let span: [number, number] | undefined;
      if (/^[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(raw)) {
        // Block scalar: base64 wrapped over lines under `data`; under `stringData` a whole embedded
        // file, which the other rules scan line by line.
        if (!encoded) continue;
        let last = j;
        while (
          last + 1 < lines.length &&
          (isBlank(lines[last + 1]!) || lines[last + 1]!.indent > childIndent)
        )
          last++;
        while (last > j && isBlank(lines[last]!)) last--;
        if (last === j) continue;
        const first = lines[j + 1]!;
        span = [first.start + first.indent, lines[last]!.end];
      } else {
        span = scalarSpan(line, raw);
      }
      if (span === undefined) continue;
      const value = text.slice(span[0], span[1]);
      if (isPlaceholderSecretValue(value, encoded)) continue;
      hits.push({
        start: span[0],
        end: span[1],
        messageId: encoded ? 'KUBERNETES_SECRET_DATA' : 'KUBERNETES_SECRET_STRING_DATA',
      });
    }
  }
  return hits;
}

function isPlaceholderSecretValue(value: string, encoded: boolean): boolean {
  if (/\{\{|\$\{|<%/.test(value)) return true; // Helm / envsubst / ERB templates
  if (!encoded) return isPlaceholderValue(value) || containsKnownToken(value);
  const decoded = decodeBase64(value);
  // Not base64 under `data:` means the manifest is not applied as is (a template, a doc).
  if (decoded === undefined) return true;
  // Binary content (keystores, certificates) decodes to replacement characters: still a secret.
  if (decoded.includes('\uFFFD')) return false;
  // Shorter than 8 characters: a default or an example far more often than a credential (as in
  // the generic rule).
  if (decoded.trim().length < 8) return true;
  return isPlaceholderValue(decoded.trim());
}

export const kubernetesSecretRule: RuleDefinition = {
  name: 'kubernetes-secret',
  severity: 'high',
  keywords: ['secret'],
  messages: {
    KUBERNETES_SECRET_DATA: 'found value in a Kubernetes Secret manifest (data)',
    KUBERNETES_SECRET_STRING_DATA: 'found value in a Kubernetes Secret manifest (stringData)',
  },
  docs: {
    title: 'Kubernetes Secret manifests',
    detects:
      'Each value under `data:` (base64) and `stringData:` of YAML documents with `kind: Secret`. Base64 values are decoded and dropped when they decode to a placeholder (`changeme`, `password`, empty); Helm / envsubst templates are ignored; entries such as `username`, `host`, `port` and `ca.crt` are not reported. SealedSecret and ExternalSecret resources are not Secrets and are ignored.',
    shapes: ['kind: Secret\\ndata:\\n  <key>: <base64>\\nstringData:\\n  <key>: <value>'],
    why: 'Base64 is an encoding, not encryption: a committed Secret manifest is its plaintext. Use SealedSecrets, SOPS or an external secret store.',
  },
  find: findKubernetesSecretValues,
};
