// biome-ignore-all lint/suspicious/noTemplateCurlyInString: literal ${…} placeholders are data here (ignore lists, docs), not templates.
import { hasTemplateMarkup, isPlaceholderPassword, isPlaceholderToken } from '../placeholder.js';
import { presetNpmrcAuthTokenSpans } from '../preset-overlap.js';
import {
  baseName,
  decodeBase64,
  type Hit,
  overlaps,
  type RuleDefinition,
  type SourceFile,
} from '../rule-kit.js';

function groupSpan(m: RegExpMatchArray, name = 'value'): [number, number] | undefined {
  const span = (m as RegExpMatchArray & { indices?: RegExpIndicesArray }).indices?.groups?.[name];
  return span === undefined ? undefined : [span[0], span[1]];
}

/** `user:password` encoded in base64 (npm `_auth`, Docker `auth`): placeholder if either part is. */
function isPlaceholderBasicAuth(encoded: string): boolean {
  const decoded = decodeBase64(encoded);
  if (decoded === undefined) return isPlaceholderToken(encoded);
  const colon = decoded.indexOf(':');
  if (colon < 0) return isPlaceholderToken(decoded);
  return isPlaceholderPassword(decoded.slice(0, colon), decoded.slice(colon + 1));
}

// --- npm / yarn ---------------------------------------------------------------------------------
// `//registry.example.com/:_authToken=…`, `_auth=<base64 user:pass>`, `_password=<base64>`, in
// .npmrc files and in the scripts and CI files that write them; Yarn Berry's npmAuthToken/Ident.
const NPM_ENTRY =
  /(?<![A-Za-z0-9])(?<key>_authToken|_auth|_password)[ \t]{0,3}=[ \t]{0,3}(?<q>["']?)(?<value>[A-Za-z0-9._~+/=:-]{8,1024})\k<q>(?![^\s"'#;])/dg;
const YARN_ENTRY =
  /\bnpmAuth(?<key>Token|Ident)[ \t]{0,3}:[ \t]{0,3}(?<q>["']?)(?<value>[^\s"'#]{1,1024})\k<q>/dg;

export function findNpmrcCredentials(file: SourceFile): Hit[] {
  const hits: Hit[] = [];
  const presetSpans = presetNpmrcAuthTokenSpans(file.text, file.path);
  if (file.has('_auth') || file.has('_password')) {
    for (const m of file.text.matchAll(NPM_ENTRY)) {
      const span = groupSpan(m);
      const key = m.groups?.key ?? '';
      const value = m.groups?.value ?? '';
      if (span === undefined || hasTemplateMarkup(value) || value.startsWith('$')) continue;
      if (presetSpans.some((p) => overlaps(p, span))) continue; // the preset's npm rule reports it
      const placeholder =
        key === '_authToken'
          ? isPlaceholderToken(value)
          : key === '_auth'
            ? isPlaceholderBasicAuth(value)
            : isPlaceholderPassword('', decodeBase64(value) ?? value);
      if (placeholder) continue;
      hits.push({
        start: span[0],
        end: span[1],
        messageId: key === '_authToken' ? 'NPM_AUTH_TOKEN' : 'NPM_AUTH',
      });
    }
  }
  if (file.has('npmauth')) {
    for (const m of file.text.matchAll(YARN_ENTRY)) {
      const span = groupSpan(m);
      const value = m.groups?.value ?? '';
      if (span === undefined || value.startsWith('$')) continue;
      const placeholder =
        m.groups?.key === 'Ident'
          ? isPlaceholderPassword(value.split(':')[0] ?? '', value.split(':').slice(1).join(':'))
          : isPlaceholderToken(value);
      if (!placeholder) hits.push({ start: span[0], end: span[1], messageId: 'YARN_AUTH' });
    }
  }
  return hits;
}

export const npmrcRule: RuleDefinition = {
  name: 'npmrc-credentials',
  severity: 'critical',
  keywords: ['_auth', '_password', 'npmauth'],
  messages: {
    NPM_AUTH_TOKEN: 'found npm registry auth token',
    NPM_AUTH: 'found npm registry password',
    YARN_AUTH: 'found Yarn registry credential',
  },
  docs: {
    title: 'npm and Yarn registry credentials',
    detects:
      '`_authToken`, `_auth` (base64 user:password) and `_password` entries of `.npmrc` — also when a script or CI file writes them — and Yarn Berry’s `npmAuthToken` / `npmAuthIdent`. Values from the environment (`${NPM_TOKEN}`) are fine. `_authToken` lines of files named `.npmrc` are left to secretlint’s preset npm rule, which reports them.',
    shapes: [
      '//registry.npmjs.org/:_authToken=<token>',
      '_auth=<base64 user:password>',
      'npmAuthToken: "<token>"',
    ],
    why: 'A registry credential publishes packages under the owner’s name or reads private ones.',
  },
  find: findNpmrcCredentials,
};

// --- .pypirc --------------------------------------------------------------------------------------
// configparser has no inline comments by default: `password = #x;y` is the whole value.
const INI_PASSWORD = /^[ \t]*password[ \t]*[=:][ \t]*(?<value>\S[^\r\n]{0,511}?)[ \t]*\r?$/dgim;

export function findPypircPasswords(file: SourceFile): Hit[] {
  if (!/^\.?pypirc$/i.test(baseName(file.path))) return [];
  const hits: Hit[] = [];
  for (const m of file.text.matchAll(INI_PASSWORD)) {
    const span = groupSpan(m);
    if (span === undefined || isPlaceholderPassword('', m.groups?.value ?? '')) continue;
    hits.push({ start: span[0], end: span[1], messageId: 'PYPIRC_PASSWORD' });
  }
  return hits;
}

export const pypircRule: RuleDefinition = {
  name: 'pypirc-password',
  severity: 'critical',
  keywords: ['password'],
  messages: { PYPIRC_PASSWORD: 'found password in .pypirc' },
  docs: {
    title: '.pypirc passwords',
    detects:
      '`password = …` in `.pypirc` files (PyPI / private index upload credentials), whatever the format of the value.',
    shapes: ['[pypi]\\nusername = __token__\\npassword = <token or password>'],
    why: 'It uploads releases of the owner’s packages to the index.',
  },
  find: findPypircPasswords,
};

// --- .netrc ---------------------------------------------------------------------------------------
const NETRC_PASSWORD = /(?:^|\s)password[ \t]+(?<value>[^\s]{1,512})/dg;
const NETRC_LOGIN = /(?:^|\s)login[ \t]+([^\s]{1,256})/;

export function findNetrcPasswords(file: SourceFile): Hit[] {
  if (!/^[._]?netrc$/i.test(baseName(file.path))) return [];
  const hits: Hit[] = [];
  for (const m of file.text.matchAll(NETRC_PASSWORD)) {
    const span = groupSpan(m);
    if (span === undefined) continue;
    const before = file.text.slice(Math.max(0, span[0] - 300), span[0]);
    const user = NETRC_LOGIN.exec(before)?.[1] ?? '';
    if (isPlaceholderPassword(user, m.groups?.value ?? '')) continue;
    hits.push({ start: span[0], end: span[1], messageId: 'NETRC_PASSWORD' });
  }
  return hits;
}

export const netrcRule: RuleDefinition = {
  name: 'netrc-password',
  severity: 'critical',
  keywords: ['password'],
  messages: { NETRC_PASSWORD: 'found password in .netrc' },
  docs: {
    title: '.netrc passwords',
    detects: 'The `password` of `machine … login … password …` entries in `.netrc` / `_netrc` files.',
    shapes: ['machine <host> login <user> password <password or token>'],
    why: 'curl, git, pip and ftp send it to the host automatically; it is often a GitHub or registry token.',
  },
  find: findNetrcPasswords,
};

// --- Docker config.json -------------------------------------------------------------------------
const DOCKER_AUTH =
  /"(?<key>auth|identitytoken|registrytoken)"[ \t\r\n]{0,20}:[ \t\r\n]{0,20}"(?<value>[^"\\\r\n]{4,4096})"/dgi;

export function findDockerConfigCredentials(file: SourceFile): Hit[] {
  const auths = file.lower.indexOf('"auths"');
  if (auths < 0) return [];
  const hits: Hit[] = [];
  DOCKER_AUTH.lastIndex = 0;
  for (const m of file.text.slice(auths).matchAll(DOCKER_AUTH)) {
    const span = groupSpan(m);
    if (span === undefined) continue;
    const value = m.groups?.value ?? '';
    const key = (m.groups?.key ?? '').toLowerCase();
    if (key === 'auth' ? isPlaceholderBasicAuth(value) : isPlaceholderToken(value)) continue;
    hits.push({
      start: auths + span[0],
      end: auths + span[1],
      messageId: key === 'auth' ? 'DOCKER_AUTH' : 'DOCKER_IDENTITY_TOKEN',
    });
  }
  return hits;
}

export const dockerConfigRule: RuleDefinition = {
  name: 'docker-config-auth',
  severity: 'critical',
  keywords: ['"auths"'],
  messages: {
    DOCKER_AUTH: 'found registry credential in Docker config',
    DOCKER_IDENTITY_TOKEN: 'found registry token in Docker config',
  },
  docs: {
    title: 'Docker config.json registry credentials',
    detects:
      '`auths.<registry>.auth` (base64 user:password) and `identitytoken` / `registrytoken` entries of Docker `config.json`, and the same JSON wherever it is pasted (`.dockerconfigjson` content, CI files).',
    shapes: ['{"auths": {"<registry>": {"auth": "<base64 user:password>"}}}'],
    why: 'It pulls and pushes images of the registry account: private code, and a path to poison images others deploy.',
  },
  find: findDockerConfigCredentials,
};
