/**
 * Does a value in a template file (.env.example…) look like a real credential rather than a
 * placeholder? Conservative on purpose: templates legitimately hold defaults such as ports, hosts
 * and feature flags, so only high-entropy strings and URLs with a real-looking password count.
 */
const PLACEHOLDER_WORDS =
  /(example|sample|changeme|change[-_]?me|your|placeholder|dummy|redacted|replace|insert|todo|fixme|xxx|\*\*\*|\.\.\.|<|>|\{\{|\$\{|%[A-Z_]+%)/i;

export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

function charClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

export function looksLikePlaceholder(value: string): boolean {
  if (value === '' || PLACEHOLDER_WORDS.test(value) || /^\$[A-Za-z_]/.test(value)) return true;
  if (/^(.)\1+$/.test(value)) return true;
  return /^(true|false|null|none|nil|yes|no|on|off|\d+(\.\d+)?)$/i.test(value);
}

/** Passwords that documentation and docker-compose files use as stand-ins. */
const STAND_IN_PASSWORDS =
  /^(pass(word)?|passwd|pwd|secret|root|admin|postgres|mysql|test|user|guest|default|demo|dev|local)\d*$/i;

/** Password part of `scheme://user:password@host`, if any. */
function urlPassword(value: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@/i.exec(value);
  return m?.[1];
}

export function looksReal(raw: string): boolean {
  const value = raw.trim().replace(/^(['"])(.*)\1$/, '$2');
  const password = urlPassword(value);
  if (password !== undefined) {
    const plain = decodeURIComponent(password);
    return plain.length >= 6 && !looksLikePlaceholder(plain) && !STAND_IN_PASSWORDS.test(plain);
  }
  if (value.length < 16 || looksLikePlaceholder(value)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || (value.includes('/') && !/[+=]/.test(value))) return false; // plain URLs, paths
  return shannonEntropy(value) >= 3.5 && charClasses(value) >= 2;
}
