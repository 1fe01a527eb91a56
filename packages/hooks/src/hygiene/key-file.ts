import { fileFinding } from './file-finding.js';
import { baseName, type HygieneRule } from './hygiene-file.js';

/** SSH private keys by their conventional names (the `.pub` halves are fine). */
const SSH_KEY_NAME = /^id_(rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk)$/;
/** Keystores: binary containers of private keys, recognisable only by name. */
const KEYSTORE_EXT = /\.(p12|pfx|jks|keystore|bks|ppk)$/i;
/** Text formats that may or may not hold a private key: decided by content. */
const MAYBE_KEY_EXT = /\.(pem|key|p8|asc)$/i;
const PRIVATE_KEY_MARKER = /-----BEGIN ([A-Z0-9 ]+ )?PRIVATE KEY( BLOCK)?-----|PuTTY-User-Key-File-/;

function isServiceAccountJson(path: string, text: () => string): boolean {
  if (!/\.json$/i.test(path)) return false;
  const t = text();
  return /"type"\s*:\s*"service_account"/.test(t) && /"private_key"\s*:\s*"-----BEGIN/.test(t);
}

export function keyFileKind(path: string, content: Buffer): string | undefined {
  const name = baseName(path);
  const text = () => content.subarray(0, 64 * 1024).toString('utf8');
  if (SSH_KEY_NAME.test(name)) return 'SSH private key';
  if (KEYSTORE_EXT.test(name)) return 'keystore';
  if (MAYBE_KEY_EXT.test(name) && PRIVATE_KEY_MARKER.test(text())) return 'private key';
  if (isServiceAccountJson(path, text)) return 'Google service-account key';
  return undefined;
}

export const keyFileRule: HygieneRule = {
  id: 'seckit/private-key-file',
  run(file, { policy }) {
    const kind = keyFileKind(file.path, file.content);
    if (kind === undefined) return [];
    return [
      fileFinding({
        ruleId: 'seckit/private-key-file',
        path: file.path,
        severity: 'critical',
        message: `${baseName(file.path)} is a ${kind} file: private keys must never be committed`,
        fix: `Remove it (\`git rm --cached ${file.path}\`), ignore it in .gitignore, and replace the key: treat it as exposed.`,
        salt: policy.fingerprintSalt,
      }),
    ];
  },
};
