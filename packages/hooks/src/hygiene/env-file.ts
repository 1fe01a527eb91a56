import { fileFinding } from './file-finding.js';
import { baseName, type HygieneRule } from './hygiene-file.js';

/** Templates meant to be committed: they document the variables, with placeholder values. */
const TEMPLATE = /(^|[.\-_])(example|sample|template|dist|defaults|schema|tpl)([.\-_]|$)/i;
/** dotenv-vault's encrypted file is meant to be committed; its `.env.keys` is not. */
const ENCRYPTED = /^\.env\.vault$/i;

/** `.env`, `.env.local`, `.env.production`, `prod.env`, `.env.keys`…, minus templates. */
export function isEnvFile(path: string): boolean {
  const name = baseName(path);
  const envStyle = /^\.env(\..+)?$/i.test(name) || /^[^.].*\.env$/i.test(name);
  return (
    envStyle && !TEMPLATE.test(name.replace(/^\.env/i, '')) && !TEMPLATE.test(name) && !ENCRYPTED.test(name)
  );
}

export function isEnvTemplate(path: string): boolean {
  const name = baseName(path);
  const envStyle = /^\.env(\..+)?$/i.test(name) || /\.env(\..+)?$/i.test(name);
  return (
    envStyle && (TEMPLATE.test(name.replace(/^\.env/i, '')) || TEMPLATE.test(name)) && !ENCRYPTED.test(name)
  );
}

export const envFileRule: HygieneRule = {
  id: 'seckit/env-file',
  run(file, { policy }) {
    if (!isEnvFile(file.path)) return [];
    return [
      fileFinding({
        ruleId: 'seckit/env-file',
        path: file.path,
        severity: 'high',
        message: `Environment file ${baseName(file.path)} is in the repository: .env files hold real credentials and belong outside git`,
        fix: `Run \`git rm --cached ${file.path}\`, add it to .gitignore, and commit a .env.example with placeholder values instead.`,
        salt: policy.fingerprintSalt,
      }),
    ];
  },
};
