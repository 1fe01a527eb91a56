import type { Policy } from '@seckit/core';
import { parseUrl } from '../safe-url.js';

/** The public registries (npm's two names for one registry; PyPI's index and file host). */
export const DEFAULT_REGISTRIES = [
  'registry.npmjs.org',
  'registry.yarnpkg.com',
  'pypi.org',
  'files.pythonhosted.org',
];

/** Hosts that serve another host's content: GitHub's tarballs come from codeload. */
const SAME_OWNER: Record<string, string> = { 'codeload.github.com': 'github.com' };

interface Rule {
  text: string;
  /** Needs the URL's path, not just its host. */
  prefix: boolean;
  test(url: URL): boolean;
}

/**
 * Which hosts packages may come from: the defaults (unless `registries.includeDefaults` is false),
 * the registries the repository itself configures (.npmrc, .yarnrc.yml, bunfig.toml, pyproject
 * indexes) and `registries.allowed`, where an entry is a host (`npm.acme.com`), a wildcard for
 * subdomains (`*.acme.com`) or a URL prefix (`https://acme.jfrog.io/artifactory/api/npm/npm/`).
 */
export class AllowedRegistries {
  private readonly rules: Rule[];

  constructor(policy: Policy, configured: readonly string[]) {
    const entries = [
      ...(policy.registries.includeDefaults === false ? [] : DEFAULT_REGISTRIES),
      ...policy.registries.allowed,
      ...configured,
    ];
    this.rules = entries.map(toRule).filter((r): r is Rule => r !== undefined);
    this.hasPrefixRules = this.rules.some((r) => r.prefix);
  }

  private readonly hasPrefixRules: boolean;

  private readonly hostCache = new Map<string, boolean>();

  allows(raw: string): boolean {
    // Lockfiles repeat one registry thousands of times: plain `https://host/…` URLs are decided
    // by host alone (cached) unless a URL-prefix rule needs the path.
    const plain = /^https:\/\/([a-z0-9.-]+)\//i.exec(raw);
    if (plain !== null && !this.hasPrefixRules) {
      const host = plain[1]!.toLowerCase();
      let ok = this.hostCache.get(host);
      if (ok === undefined) {
        ok = this.check(new URL(`https://${host}/`));
        this.hostCache.set(host, ok);
      }
      return ok;
    }
    const url = parseUrl(raw);
    if (url === undefined) return false;
    return this.check(url);
  }

  private check(url: URL): boolean {
    const host = url.hostname.toLowerCase();
    const owner = SAME_OWNER[host];
    return this.rules.some(
      (r) => r.test(url) || (owner !== undefined && r.test(new URL(`https://${owner}/`))),
    );
  }

  describe(): string {
    const shown = [...new Set(this.rules.map((r) => r.text))];
    return shown.length > 6 ? `${shown.slice(0, 6).join(', ')}, …` : shown.join(', ') || 'none';
  }
}

function toRule(entry: string): Rule | undefined {
  const text = entry.trim().toLowerCase();
  if (text === '') return undefined;
  if (text.includes('://')) {
    const base = parseUrl(text);
    if (base === undefined) return undefined;
    // A registry at the root of its host (`https://npm.acme.com/`) is a host rule.
    if (base.pathname === '/' || base.pathname === '') return toRule(base.host);
    const prefix = `${base.host}${base.pathname.replace(/\/?$/, '/')}`;
    return {
      text: `${base.host}${base.pathname}`,
      prefix: true,
      test: (url) =>
        `${url.host.toLowerCase()}${url.pathname}`.startsWith(prefix) ||
        `${url.host.toLowerCase()}${url.pathname}/` === prefix,
    };
  }
  if (text.startsWith('*.')) {
    const suffix = text.slice(1);
    return { text, prefix: false, test: (url) => url.hostname.toLowerCase().endsWith(suffix) };
  }
  // "host" or "host:port".
  return {
    text,
    prefix: false,
    test: (url) =>
      text.includes(':') ? url.host.toLowerCase() === text : url.hostname.toLowerCase() === text,
  };
}
