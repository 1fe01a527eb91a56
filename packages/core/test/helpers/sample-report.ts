import { fingerprint } from '../../src/fingerprint.js';
import { compareFindings } from '../../src/report/build-report.js';
import type { Finding } from '../../src/schemas/finding.js';
import type { Report, SuppressedFinding, Suppression } from '../../src/schemas/report.js';

/** Text a hostile repository could get into a message: table breakers, HTML, newlines, separators. */
export const HOSTILE_MESSAGE =
  'Unpinned dependency "evil|col" <script>alert(1)</script> `code`, see: 100% sure\r\nsecond line\n::error::forged';

function finding(
  over: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'category' | 'message'> & { path: string },
  place: [line: number, col: number, endLine: number, endCol: number],
): Finding {
  const { path, ...rest } = over;
  const [startLine, startColumn, endLine, endColumn] = place;
  return {
    id: fingerprint({ ruleId: over.ruleId, path, content: `${over.message}@${startLine}` }),
    location: { path, startLine, startColumn, endLine, endColumn },
    ...rest,
  };
}

function suppressed(f: Finding, suppression: Suppression): SuppressedFinding {
  return { ...f, suppression };
}

/** Open findings in the order `buildReport` produces: most severe first, then path and position. */
export function sampleFindings(): Finding[] {
  return unsortedFindings().sort(compareFindings);
}

function unsortedFindings(): Finding[] {
  return [
    finding(
      {
        path: 'src/config/aws.ts',
        ruleId: '@secretlint/secretlint-rule-aws',
        category: 'secret',
        severity: 'critical',
        message: 'AWS Access Key ID found: AKIA****',
        fix: 'Remove the value, rotate it at its provider, and load it from the environment.',
        docsUrl:
          'https://github.com/secretlint/secretlint/blob/master/packages/%40secretlint/secretlint-rule-aws/README.md#AWSAccessKeyID',
        tool: 'secretlint',
        properties: { messageId: 'AWSAccessKeyID' },
      },
      [12, 7, 12, 27],
    ),
    finding(
      {
        path: 'src/config/aws.ts',
        ruleId: '@secretlint/secretlint-rule-aws',
        category: 'secret',
        severity: 'critical',
        message: 'AWS Secret Access Key found: wJal****',
        tool: 'secretlint',
      },
      [3, 1, 4, 12],
    ),
    finding(
      {
        path: 'package.json',
        ruleId: 'seckit/dependency-pin',
        category: 'dependency',
        severity: 'high',
        message: HOSTILE_MESSAGE,
        fix: 'Pin an exact version: "1.2.3", not "^1.2.3".',
        tool: 'seckit',
        // A finding's own `tags` must not turn into SARIF's reserved `tags` property.
        properties: { specifier: '^1.2.3', tags: 'not-an-array' },
      },
      [18, 5, 18, 30],
    ),
    finding(
      {
        path: 'apps/web/app/(group)/[id]/page with space.ts',
        ruleId: '@secretlint/secretlint-rule-basicauth',
        category: 'secret',
        severity: 'high',
        message: 'Basic auth credentials found in a URL, for @octocat: https://user:****@example.com',
      },
      [2, 10, 2, 44],
    ),
    finding(
      {
        path: '.seckit/policy.json',
        ruleId: 'seckit/expired-exception',
        category: 'config',
        severity: 'medium',
        message:
          'Exception 1 (seckit/dependency-pin, vendor/**) expired on 2024-01-31; the findings it covered are reported again',
        fix: 'Fix the findings, or renew the exception with a new "expires" date and a reason that still holds.',
        tool: 'seckit',
      },
      [7, 1, 7, 1],
    ),
    finding(
      {
        path: 'pnpm-lock.yaml',
        ruleId: 'seckit/lockfile-registry',
        category: 'lockfile',
        severity: 'low',
        message: 'Resolved from a registry outside the allow-list: https://registry.example.test/',
      },
      [40, 3, 40, 60],
    ),
    finding(
      {
        path: 'SECURITY.md',
        ruleId: 'seckit/security-policy',
        category: 'config',
        severity: 'info',
        message: 'SECURITY.md has no contact address',
      },
      [1, 1, 1, 1],
    ),
  ];
}

/** One suppressed finding per suppression kind. */
export function sampleSuppressed(): SuppressedFinding[] {
  return unsortedSuppressed().sort(compareFindings);
}

function unsortedSuppressed(): SuppressedFinding[] {
  const base = (path: string, ruleId: string, severity: Finding['severity'], line: number) =>
    finding({ path, ruleId, severity, category: 'secret', message: `Test secret found in ${path}: ****` }, [
      line,
      1,
      line,
      20,
    ]);
  return [
    suppressed(base('legacy/keys.js', '@secretlint/secretlint-rule-aws', 'critical', 4), {
      kind: 'baseline',
      justification: 'accepted in .seckit/baseline.json',
    }),
    suppressed(base('test/fixtures/token.ts', '@secretlint/secretlint-rule-github', 'critical', 9), {
      kind: 'inline',
      justification: 'seckit-allow: fake token | used by <the> tests',
    }),
    suppressed(base('vendor/lib.js', '@secretlint/secretlint-rule-aws', 'high', 1), {
      kind: 'exception',
      justification: 'Vendored, upstream will rotate',
      expires: '2099-12-31',
    }),
    suppressed(base('docs/example.md', '@secretlint/secretlint-rule-basicauth', 'medium', 2), {
      kind: 'ignore',
      justification: 'path ignored by policy pattern "docs/**"',
    }),
    suppressed(base('scripts/dev.sh', 'seckit/only-suppressed-rule', 'low', 3), {
      kind: 'rule-disabled',
      justification: '"seckit/only-suppressed-rule" is "off" in the policy',
    }),
  ];
}

/** A realistic blocked run: several files, every severity, every suppression kind, an error and a warning. */
export function sampleReport(over: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'seckit', version: '0.1.0' },
    scope: 'staged',
    repository: { root: 'acme-web', branch: 'main', commit: '0123456789abcdef0123456789abcdef01234567' },
    createdAt: '2025-01-15T10:20:30.000Z',
    findings: sampleFindings(),
    suppressed: sampleSuppressed(),
    errors: [
      {
        path: 'assets/blob.bin',
        check: 'secrets',
        message: 'Could not decode as UTF-8, 100% binary: skipped',
      },
    ],
    warnings: [
      'src/a.ts:3: "seckit-allow" needs a reason (seckit-allow: <why>); it suppresses nothing until it has one',
    ],
    stats: { files: 12, bytes: 34_567, durationMs: 340, skipped: 1 },
    decision: {
      blocked: true,
      blockOn: 'high',
      reasons: [
        '4 findings at or above "high" (2 critical, 2 high)',
        '1 item could not be checked (policy "onError": "block" fails closed)',
      ],
    },
    ...over,
  };
}

/** A clean run: nothing found, nothing suppressed, nothing wrong. */
export function emptyReport(over: Partial<Report> = {}): Report {
  return sampleReport({
    findings: [],
    suppressed: [],
    errors: [],
    warnings: [],
    stats: { files: 3, bytes: 1_024, durationMs: 1_250, skipped: 0 },
    decision: { blocked: false, blockOn: 'high', reasons: [] },
    ...over,
  });
}
