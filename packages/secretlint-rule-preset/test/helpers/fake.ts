/**
 * Fake credentials for tests, built at run time from a seeded generator: no test file contains a
 * literal that looks like a credential (this repository scans itself), and runs are reproducible.
 */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(0x5ec417);

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const HEX = '0123456789abcdef';
export const B64 = `${ALNUM}+/`;
export const B64URL = `${ALNUM}_-`;

/** `n` characters drawn from `chars`. */
export function rand(chars: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += chars.charAt(Math.floor(random() * chars.length));
  return s;
}

export const alnum = (n: number) => rand(ALNUM, n);
export const hex = (n: number) => rand(HEX, n);
export const digits = (n: number) => rand('123456789', 1) + rand(DIGITS, n - 1);

export function uuid(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

/** base64url without padding, as in JWTs. */
export function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

export function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}

/** A signed-looking JWT with a random subject and signature. */
export function jwt(): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub: `user-${alnum(10)}`, iat: 1_700_000_000, role: 'service' }));
  return `${header}.${payload}.${rand(B64URL, 43)}`;
}

/** A mixed-class password such as a person or a generator would pick. */
export function password(n = 14): string {
  return `${rand(UPPER, 2)}${rand(LOWER, 4)}${rand(DIGITS, 3)}${rand('!#%&*+-=?@^', 1)}${alnum(n - 10)}`;
}

/** A password that may appear in a URL unencoded (RFC 3986 unreserved plus a few sub-delims). */
export function urlPassword(n = 16): string {
  return `${rand(UPPER, 2)}${rand(LOWER, 5)}${rand(DIGITS, 3)}${rand('-._~!*', 1)}${alnum(n - 11)}`;
}

/** A DER-looking base64 body: `MII…` like a real RSA / PKCS#8 key. */
export function pemBody(chars = 1200): string {
  const body = `MII${rand(B64, chars - 3)}`;
  return body.match(/.{1,64}/g)?.join('\n') ?? body;
}

export function pem(label: string, body = pemBody()): string {
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}
