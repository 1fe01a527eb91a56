import { fileFinding } from './file-finding.js';
import { baseName, type HygieneRule } from './hygiene-file.js';

// A literal is anything but an environment reference such as ${NPM_TOKEN}.
const LITERAL = String.raw`(?!\s*\$\{)(?!\s*$)`;
const CHECKS: { name: RegExp; content: RegExp; what: string }[] = [
  {
    name: /^\.npmrc$/,
    content: new RegExp(String.raw`(?:_authToken|_auth|_password)\s*=${LITERAL}`),
    what: 'an npm token or password',
  },
  {
    name: /^\.yarnrc(\.yml)?$/,
    content: new RegExp(String.raw`npmAuth(?:Token|Ident)\s*:${LITERAL}`),
    what: 'an npm token',
  },
  {
    name: /^\.pypirc$/,
    content: new RegExp(String.raw`^\s*password\s*[=:]${LITERAL}`, 'm'),
    what: 'a PyPI password or token',
  },
  { name: /^[._]netrc$/, content: /\bpassword\s+\S+/, what: 'a password' },
  { name: /^\.git-credentials$/, content: /:\/\/[^:\s/]+:[^@\s]+@/, what: 'a git credential' },
];

export const credentialsFileRule: HygieneRule = {
  id: 'seckit/credentials-file',
  run(file, { policy }) {
    const name = baseName(file.path);
    const check = CHECKS.find((c) => c.name.test(name));
    if (check === undefined) return [];
    const text = file.content.toString('utf8');
    const m = check.content.exec(text);
    if (m === null) return [];
    const line = text.slice(0, m.index).split('\n').length;
    return [
      fileFinding({
        ruleId: 'seckit/credentials-file',
        path: file.path,
        severity: 'high',
        line,
        message: `${name} holds ${check.what} as a literal: anyone who clones the repository can use it`,
        fix: `Reference an environment variable instead (e.g. //registry.npmjs.org/:_authToken=\${NPM_TOKEN}), keep the real file in your home folder, and rotate the credential.`,
        salt: policy.fingerprintSalt,
      }),
    ];
  },
};
