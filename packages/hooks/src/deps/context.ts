import {
  type DependencyType,
  type Finding,
  fingerprint,
  type Policy,
  type RunError,
  type Scope,
} from '@seckit/core';
import { exceptionFor } from './pin-policy.js';
import { type DepsRule, docsUrl } from './rules.js';
import { decodeText, LineIndex, type Span } from './text-place.js';

export interface DepsFile {
  path: string;
  content: Buffer;
  added?: boolean;
}

export interface DependencyCheckInput {
  /** Repository root (absolute). */
  root: string;
  scope: Scope;
  /** The scan's target files; manifests and lockfiles are picked from them by name. */
  files: readonly DepsFile[];
  policy: Policy;
  /** The same version the files come from (the index when staged, else the working tree). */
  readRepoFile(path: string): Promise<Buffer | undefined>;
  /** Everything staged (drift in the hook: a manifest changed without its lockfile). */
  stagedPaths?: ReadonlySet<string>;
  /** HEAD's version of a file; defaults to `git show HEAD:<path>`. */
  readHeadFile?(path: string): Promise<Buffer | undefined>;
  /** For exception expiry; defaults to now. */
  now?: Date;
}

export interface DependencyCheckResult {
  findings: Finding[];
  errors: RunError[];
}

export interface ReportInput {
  rule: DepsRule;
  path: string;
  span: Span | undefined;
  /** Instead of a span: a 1-based line and column (parse errors). */
  at?: { line: number; column: number };
  message: string;
  fix: string;
  /** What makes this finding this finding (never a line number). */
  key: string;
  pkg?: string;
  type?: DependencyType;
  python?: boolean;
  properties?: Record<string, string | number | boolean>;
}

/** Shared state of one run: file access (cached), positions, the policy, and the findings. */
export class DepsContext {
  readonly findings: Finding[] = [];
  readonly errors: RunError[] = [];
  readonly policy: Policy;
  readonly now: Date;
  private readonly given = new Map<string, DepsFile>();
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly lineIndexes = new Map<string, LineIndex>();

  constructor(readonly input: DependencyCheckInput) {
    this.policy = input.policy;
    this.now = input.now ?? new Date();
    for (const f of input.files) this.given.set(f.path, f);
  }

  isTarget(path: string): boolean {
    return this.given.has(path);
  }

  /** Text of a repository file, from the targets first, else through readRepoFile; undefined if absent. */
  text(path: string): Promise<string | undefined> {
    let pending = this.texts.get(path);
    if (pending === undefined) {
      const own = this.given.get(path);
      pending = own !== undefined ? Promise.resolve(decodeText(own.content).text) : this.readThrough(path);
      this.texts.set(path, pending);
    }
    return pending;
  }

  private async readThrough(path: string): Promise<string | undefined> {
    try {
      const content = await this.input.readRepoFile(path);
      return content === undefined ? undefined : decodeText(content).text;
    } catch (error) {
      this.errors.push({
        path,
        check: 'dependencies',
        message: `could not read ${path}: ${(error as Error).message}`,
      });
      return undefined;
    }
  }

  lineIndex(path: string, text: string): LineIndex {
    let index = this.lineIndexes.get(path);
    if (index === undefined || index.text !== text) {
      index = new LineIndex(text);
      this.lineIndexes.set(path, index);
    }
    return index;
  }

  enabled(rule: DepsRule): boolean {
    return this.policy.checks[rule.check];
  }

  /** Adds a finding unless its check is off or a dependency exception waives it. */
  async report(input: ReportInput): Promise<void> {
    if (!this.enabled(input.rule)) return;
    let message = input.message;
    if (input.pkg !== undefined) {
      const exception = exceptionFor(
        this.policy,
        {
          ruleId: input.rule.id,
          pinRule: input.rule.pin === true,
          pkg: input.pkg,
          ...(input.type === undefined ? {} : { type: input.type }),
          python: input.python === true,
        },
        this.now,
      );
      if (exception.active !== undefined) return;
      if (exception.expired !== undefined) {
        message += ` (the exception for "${exception.expired.package}" expired on ${exception.expired.expires})`;
      }
    }
    const text = (await this.text(input.path)) ?? '';
    const place =
      input.at !== undefined
        ? {
            startLine: input.at.line,
            startColumn: input.at.column,
            endLine: input.at.line,
            endColumn: input.at.column,
          }
        : this.lineIndex(input.path, text).place(input.span);
    this.findings.push({
      id: fingerprint({ ruleId: input.rule.id, path: input.path, content: input.key }),
      ruleId: input.rule.id,
      category: input.rule.category,
      severity: input.rule.severity,
      message,
      location: { path: input.path, ...place },
      fix: input.fix,
      docsUrl: docsUrl(input.rule.id),
      tool: 'seckit',
      ...(input.properties === undefined ? {} : { properties: input.properties }),
    });
  }
}
