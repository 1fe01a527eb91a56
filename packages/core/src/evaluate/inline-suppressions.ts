/**
 * Inline suppression comments. Our own needs a reason:
 *   `seckit-allow: <reason>` on the line itself, or `seckit-allow-next-line: <reason>` on the line
 *   before. A marker without a reason is reported and does not suppress.
 * Markers of other tools are honoured so teams can migrate without editing every file:
 *   `secretlint-disable-line`, `secretlint-disable-next-line`, `gitleaks:allow`, `pragma: allowlist secret`
 *   (and detect-secrets' `pragma: allowlist nextline secret`).
 */
export interface InlineSuppression {
  /** 1-based line the suppression applies to. */
  line: number;
  /** The line the comment is on. */
  commentLine: number;
  marker: string;
  /** The reason written after the marker; empty if none. */
  reason: string;
}

export interface InlineScan {
  suppressions: InlineSuppression[];
  /** `seckit-allow` markers without a reason (they do not suppress). */
  missingReason: number[];
}

// `allow-next-line` must be tried before `allow` (prefix); the reason runs to the end of the comment.
const OWN = /seckit-allow(-next-line)?(?::[ \t]*([^\r\n]*?))?[ \t]*(?:\*\/|-->|#\}|$)/;
const FOREIGN: { re: RegExp; next: boolean; marker: string }[] = [
  { re: /secretlint-disable-next-line/, next: true, marker: 'secretlint-disable-next-line' },
  { re: /secretlint-disable-line/, next: false, marker: 'secretlint-disable-line' },
  { re: /gitleaks:allow/, next: false, marker: 'gitleaks:allow' },
  {
    re: /pragma:\s*allowlist[ \t]+nextline[ \t]+secret/,
    next: true,
    marker: 'pragma: allowlist nextline secret',
  },
  { re: /pragma:\s*allowlist[ \t]+secret/, next: false, marker: 'pragma: allowlist secret' },
];
// Cheap pre-check so files without any marker cost one scan.
const ANY = /seckit-allow|secretlint-disable|gitleaks:allow|pragma:\s*allowlist/;

export function findInlineSuppressions(content: string): InlineScan {
  const result: InlineScan = { suppressions: [], missingReason: [] };
  if (!ANY.test(content)) return result;
  const lines = content.split('\n');
  lines.forEach((text, index) => {
    const commentLine = index + 1;
    const own = OWN.exec(text);
    if (own !== null) {
      const reason = (own[2] ?? '').trim();
      if (reason === '') result.missingReason.push(commentLine);
      else
        result.suppressions.push({
          line: own[1] === undefined ? commentLine : commentLine + 1,
          commentLine,
          marker: own[1] === undefined ? 'seckit-allow' : 'seckit-allow-next-line',
          reason,
        });
      return;
    }
    for (const f of FOREIGN) {
      if (f.re.test(text)) {
        result.suppressions.push({
          line: f.next ? commentLine + 1 : commentLine,
          commentLine,
          marker: f.marker,
          reason: `migrated marker ${f.marker}`,
        });
        return;
      }
    }
  });
  return result;
}
