import { redact, redactAll } from '@seckit/core';

/**
 * Masking of text other tools wrote. Two layers:
 * 1. Values we know (gitleaks `Secret`/`Match`, secretlint's matched range, SARIF snippets) are
 *    replaced wherever they occur.
 * 2. Defence in depth for values we were not told about (a SARIF message that quotes the secret):
 *    private-key blocks, well-known credential prefixes, URL passwords, `password = …`-style
 *    assignments, and long tokens that mix upper case, lower case and digits.
 * Masked values keep at most a 4-character prefix, as everywhere in seckit (core's `redact`).
 */

/** Known values, longest first so a value inside another is not masked half-way. */
export function maskKnown(text: string, secrets: Iterable<string>): string {
  const values = [...new Set([...secrets].filter((s) => s.length >= 4 && !s.includes('****')))].sort(
    (a, b) => b.length - a.length,
  );
  return values.length === 0 ? text : redactAll(text, values);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z_]*$/;

/**
 * Tokens of a snippet (a flagged source line) that could be the secret: 8+ characters, not a plain
 * identifier such as `aws_secret_access_key`. Used with maskKnown on the message of the same result.
 */
export function secretCandidates(snippet: string): string[] {
  const out = [snippet.trim()];
  for (const token of snippet.split(/[\s"'`=:,;(){}[\]<>]+/)) {
    if (token.length >= 8 && !IDENTIFIER.test(token)) out.push(token);
  }
  return out.filter((t) => t.length >= 4);
}

// Provider prefixes (AWS, GitHub, Slack, Stripe, GitLab, npm, Google) and JWTs, in one pass.
const PROVIDER_TOKEN = new RegExp(
  [
    String.raw`\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b`,
    String.raw`\bgh[pousr]_[A-Za-z0-9]{20,}\b`,
    String.raw`\bgithub_pat_[A-Za-z0-9_]{20,}\b`,
    String.raw`\bxox[abposr]-[A-Za-z0-9-]{10,}\b`,
    String.raw`\b[rsp]k_(?:live|test)_[A-Za-z0-9]{10,}\b`,
    String.raw`\bglpat-[A-Za-z0-9_-]{20,}\b`,
    String.raw`\bnpm_[A-Za-z0-9]{30,}\b`,
    String.raw`\bAIza[0-9A-Za-z_-]{35}\b`,
    String.raw`\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}`,
  ].join('|'),
  'g',
);

const PRIVATE_KEY =
  /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g;
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)@/gi;
const ASSIGNMENT =
  /\b((?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|access[_-]?key|auth|credentials?|private[_-]?key)s?["'`]?\s*(?:[:=]|=>)\s*["'`]?)([^\s"'`,;]{6,})/gi;
const LONG_TOKEN = /[A-Za-z0-9+/=_-]{20,}/g;

function mixed(token: string): boolean {
  return (
    /[0-9]/.test(token) &&
    /[A-Z]/.test(token) &&
    /[a-z]/.test(token) &&
    !/^sha(?:1|256|384|512)-/.test(token) && // subresource-integrity hashes in lockfile messages
    !token.includes('****')
  );
}

// Cheap test first: most messages hold nothing any pattern below could match.
const MAYBE =
  /[A-Za-z0-9+/=_-]{20,}|-----BEGIN|:\/\/[^\s:/@]+:|pass|pwd|secret|token|key|auth|credential|AKIA|ASIA|gh[pousr]_|xox|eyJ/i;

/** Masks what looks like a credential in free text a tool wrote. */
export function maskLikelySecrets(text: string): string {
  if (!MAYBE.test(text)) return text;
  let out = text.replace(PRIVATE_KEY, (_m, type: string, block: string | undefined) => {
    return `-----BEGIN ${type}PRIVATE KEY${block ?? ''}-----****`;
  });
  out = out.replace(PROVIDER_TOKEN, (m) => redact(m));
  out = out.replace(URL_PASSWORD, (_m, head: string) => `${head}****@`);
  out = out.replace(ASSIGNMENT, (m, head: string, value: string) =>
    value.includes('****') ? m : `${head}${redact(value)}`,
  );
  out = out.replace(LONG_TOKEN, (m) => (mixed(m) ? redact(m) : m));
  return out;
}

/** Messages beyond this are cut (a tool that dumps a whole file into a message is not a summary). */
export const MAX_TEXT = 2_000;

/**
 * Messages without known values, masked before: a finding's message comes back in every run that
 * still has it (200,000 messages, 26,000 distinct in bench/report), and the patterns above cost
 * far more than a lookup. Bounded, so a huge ingest cannot grow it without end.
 */
const masked = new Map<string, string>();
const MAX_CACHED = 100_000;

function cut(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/** Both layers, for one piece of text with the values known for its result; cut to MAX_TEXT. */
export function maskText(text: string, secrets: Iterable<string> = []): string {
  // Masked before cutting, so a value across the cut is still masked.
  const known = maskKnown(text, secrets);
  if (known !== text) return cut(maskLikelySecrets(known));
  let out = masked.get(text);
  if (out === undefined) {
    out = cut(maskLikelySecrets(text));
    if (masked.size >= MAX_CACHED) masked.clear();
    masked.set(text, out);
  }
  return out;
}
