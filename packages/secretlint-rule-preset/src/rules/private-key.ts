import { isPlaceholderCredential } from '../placeholder.js';
import { presetPrivateKeySpans, presetReportsGcpServiceAccount, type Span } from '../preset-overlap.js';
import { type Hit, overlaps, type RuleDefinition, type RuleOptions, type SourceFile } from '../rule-kit.js';

// Any armoured private key: RSA, DSA, EC, OPENSSH, ENCRYPTED, plain PKCS#8, PGP (… KEY BLOCK),
// SSH2 ENCRYPTED. The label is captured so the END line can be required to match it.
const BEGIN = /-----BEGIN ((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY( BLOCK)?-----/g;
/** How far after BEGIN the END line may be: an 8192-bit RSA key is about 6.5 KB of base64. */
const MAX_BLOCK = 24_000;
const PUTTY = /PuTTY-User-Key-File-[23]:[^\r\n]{0,200}/g;
const PRIVATE_LINES = /Private-Lines:[ \t]*(\d{1,3})\r?\n/g;
const AGE = /(?<![A-Za-z0-9-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Za-z0-9])/g;

function pemHits(file: SourceFile, covered: readonly Span[]): Hit[] {
  const hits: Hit[] = [];
  const { text } = file;
  for (const begin of text.matchAll(BEGIN)) {
    const start = begin.index ?? 0;
    const endMarker = `-----END ${begin[1] ?? ''}PRIVATE KEY${begin[2] ?? ''}-----`;
    const endAt = text.indexOf(endMarker, start + begin[0].length);
    // No END line nearby: a truncated snippet or prose mentioning the header, not a key.
    if (endAt < 0 || endAt - start > MAX_BLOCK) continue;
    const span: Span = [start, endAt + endMarker.length];
    if (covered.some((c) => overlaps(c, span))) continue;
    if (isPlaceholderCredential(text.slice(span[0], span[1]))) continue;
    hits.push({
      start: span[0],
      end: span[1],
      messageId: begin[1]?.includes('PGP') ? 'PGP_PRIVATE_KEY' : 'PRIVATE_KEY',
    });
  }
  return hits;
}

/** PuTTY `.ppk` files: the credential is the base64 under `Private-Lines: N`. */
function puttyHits(file: SourceFile): Hit[] {
  const hits: Hit[] = [];
  const { text } = file;
  for (const header of text.matchAll(PUTTY)) {
    PRIVATE_LINES.lastIndex = header.index ?? 0;
    const lines = PRIVATE_LINES.exec(text);
    if (lines === null || lines.index - (header.index ?? 0) > 20_000) continue;
    const count = Number(lines[1]);
    const start = lines.index + lines[0].length;
    let end = start;
    for (let i = 0; i < count; i++) {
      const next = text.indexOf('\n', end);
      end = next < 0 ? text.length : next + 1;
    }
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end <= start || isPlaceholderCredential(text.slice(start, end))) continue;
    hits.push({ start, end, messageId: 'PUTTY_PRIVATE_KEY' });
  }
  return hits;
}

function ageHits(file: SourceFile): Hit[] {
  const hits: Hit[] = [];
  for (const m of file.text.matchAll(AGE)) {
    const start = m.index ?? 0;
    const value = m[0];
    if (isPlaceholderCredential(value)) continue;
    hits.push({ start, end: start + value.length, messageId: 'AGE_SECRET_KEY' });
  }
  return hits;
}

/** Spans the preset already reports in this file (its privatekey rule, or its gcp rule: whole file). */
function presetCovered(file: SourceFile): Span[] {
  if (!file.has('private key')) return [];
  if (presetReportsGcpServiceAccount(file.text, file.path)) return [[0, file.text.length]];
  return presetPrivateKeySpans(file.text);
}

/** Every private key in the file: PEM / OpenSSH / PGP blocks, PuTTY private lines, age keys. */
export function findPrivateKeys(file: SourceFile, options: RuleOptions = {}): Hit[] {
  const hits: Hit[] = [];
  if (file.has('private key')) {
    hits.push(...pemHits(file, options.reportPresetCovered === true ? [] : presetCovered(file)));
  }
  if (file.has('private-lines')) hits.push(...puttyHits(file));
  if (file.has('age-secret-key-1')) hits.push(...ageHits(file));
  return hits;
}

export const privateKeyRule: RuleDefinition = {
  name: 'private-key',
  severity: 'critical',
  keywords: ['private key', 'private-lines', 'age-secret-key-1'],
  messages: {
    PRIVATE_KEY: 'found private key',
    PGP_PRIVATE_KEY: 'found PGP private key block',
    PUTTY_PRIVATE_KEY: 'found PuTTY private key',
    AGE_SECRET_KEY: 'found age secret key',
  },
  docs: {
    title: 'Private keys of every flavour',
    detects:
      'PEM / OpenSSH private keys of any label (RSA, DSA, EC, OPENSSH, ENCRYPTED, plain PKCS#8, SSH2 ENCRYPTED), PGP private key blocks, PuTTY `.ppk` private lines and age secret keys — also when the key sits in a JSON or code string with escaped newlines. Placeholder bodies (`...`, `<your key>`, too short, one repeated character) are ignored. Keys that secretlint’s preset already reports (its privatekey rule: unencrypted RSA/DSA/EC/OpenSSH/PKCS#8 keys whose base64 starts like DER or OpenSSH; its gcp rule: service-account JSON files) are left to it, so one key is one finding; set the option `reportPresetCovered: true` to report them too when the preset is not used.',
    shapes: [
      '-----BEGIN <label> PRIVATE KEY-----\\n<base64>\\n-----END <label> PRIVATE KEY-----',
      '-----BEGIN PGP PRIVATE KEY BLOCK-----',
      'PuTTY-User-Key-File-3: ssh-ed25519 … Private-Lines: <n>\\n<base64 lines>',
      'AGE-SECRET-KEY-1<58 × bech32>',
    ],
    why: 'A private key is an identity: SSH access to servers, TLS impersonation, signing releases, decrypting backups. Encrypted keys are reported too: their passphrase is often weak or committed nearby.',
  },
  find: findPrivateKeys,
};
