/**
 * URLs from lockfiles and requirements are shown to people, so they are shortened before they
 * are printed: never the user info (`user:token@`), never the query, and of the path only the
 * package part — some registries (Gemfury, private proxies) put a token in the path.
 */
export function displayUrl(raw: string): string {
  const parsed = parseUrl(raw);
  if (parsed === undefined)
    return raw.length > 60 ? `${raw.slice(0, 24)}…` : raw.replace(/\/\/[^/@]*@/, '//***@');
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  const dash = segments.lastIndexOf('-');
  const tail =
    dash > 0
      ? segments.slice(Math.max(0, segments[dash - 2]?.startsWith('@') ? dash - 2 : dash - 1))
      : segments.slice(-1);
  const lead = segments.length > tail.length ? '/…' : '';
  const auth = parsed.username !== '' || parsed.password !== '' ? '***@' : '';
  return `${parsed.protocol}//${auth}${parsed.host}${lead}/${tail.join('/')}${parsed.search ? '?…' : ''}`;
}

/** `new URL` that accepts git+ssh / scp-like git remotes and never throws. */
export function parseUrl(raw: string): URL | undefined {
  let text = raw.trim();
  // git@github.com:owner/repo.git → ssh://git@github.com/owner/repo.git
  if (!text.includes('://')) {
    const scp = /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(.+)$/.exec(text);
    if (scp !== null) text = `ssh://${scp[1]}@${scp[2]}/${scp[3]}`;
  }
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** The scheme without `git+` decorations: "https", "http", "ssh", "git", "file". */
export function transportOf(url: URL): string {
  const p = url.protocol.replace(/:$/, '').toLowerCase();
  return p.startsWith('git+') ? p.slice(4) : p;
}
