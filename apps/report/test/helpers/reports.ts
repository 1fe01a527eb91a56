import { type Finding, fingerprint, type Report, type Severity } from '@seckit/core';

/** Fake credentials planted in inputs: tests check none of them reaches the database or an output. */
export const PLANTED = {
  // Built from parts so this repository's own secret scan does not flag the test source.
  awsKeyId: ['AKIA', 'QYLPMN5HFIQR7XYZ'].join(''),
  awsSecret: ['wJalrXUtnFEMI', 'K7MDENGbPxRfiCY', 'PLANTEDSECRET1'].join('/'),
  githubToken: ['ghp_', 'R8xvTq2LmZp9WcYb', 'N4sKd7FgHj3Ae6Uo1IiP'].join(''),
  password: ['hunter2', 'hunter2', 'planted'].join('-'),
  slackToken: ['xoxb-', '2093847561-', 'QwErTyUiOpAsDfGh'].join(''),
};

export function finding(
  over: Partial<Finding> & { content?: string; path?: string; line?: number } = {},
): Finding {
  const { content, path, line, ...rest } = over;
  const ruleId = rest.ruleId ?? '@secretlint/secretlint-rule-aws';
  const where = path ?? 'src/config.ts';
  const startLine = line ?? 3;
  return {
    id: fingerprint({ ruleId, path: where, content: content ?? 'value' }),
    ruleId,
    category: 'secret',
    severity: 'critical',
    message: 'AWS Access Key ID found: AKIA****',
    location: { path: where, startLine, startColumn: 5, endLine: startLine, endColumn: 25 },
    tool: 'secretlint',
    ...rest,
  };
}

export interface ReportOptions {
  repository?: string;
  branch?: string | null;
  commit?: string | null;
  scope?: Report['scope'];
  createdAt?: string;
  findings?: Finding[];
  suppressed?: Report['suppressed'];
  errors?: Report['errors'];
}

/** A seckit Report as `seckit scan --format json` writes it. */
export function seckitReport(o: ReportOptions = {}): Report {
  const findings = o.findings ?? [];
  return {
    schemaVersion: 1,
    tool: { name: 'seckit', version: '0.1.0' },
    scope: o.scope ?? 'full',
    repository: {
      root: o.repository ?? 'web',
      branch: o.branch === undefined ? 'main' : o.branch,
      commit: o.commit ?? null,
    },
    createdAt: o.createdAt ?? '2026-03-01T10:00:00.000Z',
    findings,
    suppressed: o.suppressed ?? [],
    errors: o.errors ?? [],
    warnings: [],
    stats: { files: 10, bytes: 1000, durationMs: 5, skipped: 0 },
    decision: { blocked: findings.length > 0, blockOn: 'high', reasons: [] },
  };
}

export interface SarifResultOptions {
  ruleId: string;
  message: string;
  uri?: string;
  line?: number;
  level?: 'none' | 'note' | 'warning' | 'error';
  snippet?: string;
  partialFingerprints?: Record<string, string>;
  fingerprints?: Record<string, string>;
  properties?: Record<string, unknown>;
  suppressions?: unknown[];
  kind?: string;
}

export function sarifResult(o: SarifResultOptions): Record<string, unknown> {
  const line = o.line ?? 10;
  return {
    ruleId: o.ruleId,
    ...(o.level === undefined ? {} : { level: o.level }),
    ...(o.kind === undefined ? {} : { kind: o.kind }),
    message: { text: o.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: o.uri ?? 'src/app.js', uriBaseId: '%SRCROOT%' },
          region: {
            startLine: line,
            startColumn: 3,
            endLine: line,
            endColumn: 30,
            ...(o.snippet === undefined ? {} : { snippet: { text: o.snippet } }),
          },
          ...(o.snippet === undefined
            ? {}
            : {
                contextRegion: {
                  startLine: line - 1,
                  endLine: line + 1,
                  snippet: { text: `// before\n${o.snippet}\n// after` },
                },
              }),
        },
      },
    ],
    ...(o.partialFingerprints === undefined ? {} : { partialFingerprints: o.partialFingerprints }),
    ...(o.fingerprints === undefined ? {} : { fingerprints: o.fingerprints }),
    ...(o.properties === undefined ? {} : { properties: o.properties }),
    ...(o.suppressions === undefined ? {} : { suppressions: o.suppressions }),
  };
}

export interface SarifRunOptions {
  tool: string;
  version?: string;
  rules?: Record<string, unknown>[];
  results: Record<string, unknown>[] | null;
  automationId?: string;
  repositoryUri?: string;
  branch?: string;
  revision?: string;
  endTime?: string;
  executionSuccessful?: boolean;
}

export function sarifRun(o: SarifRunOptions): Record<string, unknown> {
  return {
    tool: {
      driver: {
        name: o.tool,
        ...(o.version === undefined ? {} : { version: o.version }),
        rules: o.rules ?? [],
      },
    },
    ...(o.automationId === undefined ? {} : { automationDetails: { id: o.automationId } }),
    ...(o.repositoryUri === undefined
      ? {}
      : {
          versionControlProvenance: [
            {
              repositoryUri: o.repositoryUri,
              ...(o.branch === undefined ? {} : { branch: o.branch }),
              ...(o.revision === undefined ? {} : { revisionId: o.revision }),
            },
          ],
        }),
    invocations: [
      {
        executionSuccessful: o.executionSuccessful ?? true,
        ...(o.endTime === undefined ? {} : { endTimeUtc: o.endTime }),
      },
    ],
    results: o.results,
  };
}

export function sarifLog(...runs: Record<string, unknown>[]): Record<string, unknown> {
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs };
}

export function rule(id: string, securitySeverity?: string, level?: string): Record<string, unknown> {
  return {
    id,
    shortDescription: { text: `Rule ${id}` },
    ...(level === undefined ? {} : { defaultConfiguration: { level } }),
    ...(securitySeverity === undefined
      ? {}
      : { properties: { 'security-severity': securitySeverity, tags: ['security'] } }),
  };
}

/** One gitleaks v8 finding, with the secret in Secret, Match and Line as gitleaks writes them. */
export function gitleaksFinding(o: {
  rule?: string;
  file?: string;
  line?: number;
  secret: string;
  commit?: string;
}): Record<string, unknown> {
  const line = o.line ?? 4;
  return {
    RuleID: o.rule ?? 'aws-access-token',
    Description: 'Identified a pattern that may indicate AWS credentials',
    StartLine: line,
    EndLine: line,
    StartColumn: 14,
    EndColumn: 14 + o.secret.length,
    Line: `aws_key = "${o.secret}"`,
    Match: `aws_key = "${o.secret}"`,
    Secret: o.secret,
    File: o.file ?? 'deploy/config.env',
    SymlinkFile: '',
    Commit: o.commit ?? '',
    Entropy: 3.9,
    Author: 'Dev Eloper',
    Email: 'dev@example.com',
    Date: '2026-02-01T10:00:00Z',
    Message: 'add deploy config',
    Tags: [],
    Fingerprint: `${o.commit ?? ''}:${o.file ?? 'deploy/config.env'}:${o.rule ?? 'aws-access-token'}:${line}`,
  };
}

/** One file of `secretlint --format json`, including the whole file in sourceContent as secretlint writes it. */
export function secretlintResult(
  filePath: string,
  lines: string[],
  secret: string,
  severity: Severity | 'error' | 'warning' = 'error',
): Record<string, unknown> {
  const sourceContent = `${lines.join('\n')}\n`;
  const start = sourceContent.indexOf(secret);
  const before = sourceContent.slice(0, start).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length;
  return {
    filePath,
    sourceContent,
    sourceContentType: 'text',
    messages: [
      {
        type: 'message',
        ruleId: '@secretlint/secretlint-rule-github',
        messageId: 'GITHUB_TOKEN',
        message: `found GitHub Token(ghp_): ${secret}`,
        docsUrl:
          'https://github.com/secretlint/secretlint/blob/master/packages/%40secretlint/secretlint-rule-github/README.md',
        range: [start, start + secret.length],
        loc: { start: { line, column }, end: { line, column: column + secret.length } },
        severity,
        data: { TOKEN: secret },
      },
    ],
  };
}
