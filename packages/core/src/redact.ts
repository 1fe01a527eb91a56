/**
 * The one redaction helper. Shows at most a 4-character prefix, and only when the value is long
 * enough (>= 16 characters) that 4 characters cannot meaningfully help guess it; provider prefixes
 * such as `AKIA` or `ghp_` are what it typically reveals. The length is not shown.
 */
export function redact(value: string): string {
  const prefix = value.length >= 16 ? value.slice(0, 4) : '';
  return `${prefix}****`;
}

/** Replace every occurrence of each secret in `text` by its redacted form. */
export function redactAll(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join(redact(secret));
  }
  return out;
}
