import type { DependencyType } from '@seckit/core';
import { loadToml } from '../parse/load-toml.js';
import { DepsParseError } from '../parse/parse-error.js';
import { isRecord, own, ownRecord, ownString, type Rec } from '../parse/records.js';
import type { Classification } from '../specifier/classes.js';
import { classifyPep508, normalizePythonName, parsePep508 } from '../specifier/pep508.js';
import { classifyPoetryValue } from '../specifier/poetry-specifier.js';
import type { Span } from '../text-place.js';
import { tomlLocator } from './toml-locate.js';

export interface PyEntry {
  type: DependencyType;
  /** `project.dependencies`, `project.optional-dependencies.test`, `tool.poetry.group.dev.dependencies`… */
  section: string;
  name: string;
  spec: string;
  classification: Classification;
  span: Span | undefined;
}

export interface PyIndex {
  /** `tool.poetry.source`, `tool.uv.index`, `tool.uv.extra-index-url`… */
  section: string;
  url: string;
  extra: boolean;
  span: Span | undefined;
}

export interface PyProject {
  path: string;
  text: string;
  entries: PyEntry[];
  indexes: PyIndex[];
  /** Which tool's lockfile it expects, if it says: `[tool.poetry]` → poetry.lock, `[tool.uv]` → uv.lock. */
  tool: 'poetry' | 'uv' | undefined;
  /** Names (normalised) → specifiers of `[project].dependencies`, for drift against uv.lock. */
  projectRequirements: { name: string; spec: string }[];
  projectName: string | undefined;
  /** The parsed document (for the staged-lockfile check). */
  doc: unknown;
}

/**
 * PEP 621 `[project]` dependencies and optional dependencies, PEP 735 `[dependency-groups]`,
 * Poetry's dependency tables and groups, uv's dev dependencies and sources, and
 * `[build-system].requires` (reported separately). Interpreter constraints are not applicable.
 */
export async function parsePyproject(path: string, text: string): Promise<PyProject> {
  const doc = await loadToml(text, path, 'E_MANIFEST');
  if (!isRecord(doc)) throw new DepsParseError('E_MANIFEST', path, 'expected a TOML document');
  const locate = tomlLocator(text);
  const entries: PyEntry[] = [];
  const indexes: PyIndex[] = [];
  const project = ownRecord(doc, 'project');
  const tool = ownRecord(doc, 'tool');
  const poetry = ownRecord(tool, 'poetry');
  const uv = ownRecord(tool, 'uv');
  const uvSources = ownRecord(uv, 'sources');
  const projectRequirements: { name: string; spec: string }[] = [];

  const pep508List = (list: unknown, type: DependencyType, section: string, header: string) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (typeof item !== 'string') continue; // `{ include-group = "x" }` and the like
      const req = parsePep508(item);
      const span = locate.stringIn(header, item);
      if (req === undefined) {
        entries.push({
          type,
          section,
          name: item,
          spec: item,
          span,
          classification: { cls: 'invalid', verdict: 'unpinned', detail: 'not a PEP 508 requirement' },
        });
        continue;
      }
      if (section === 'project.dependencies' && !req.url)
        projectRequirements.push({ name: normalizePythonName(req.name), spec: req.spec });
      // A uv source overrides where a project dependency comes from (git, path, index…).
      const source = own(uvSources, req.name) ?? own(uvSources, normalizePythonName(req.name));
      const classification =
        source !== undefined && type !== 'pythonBuild' ? uvSource(source, req) : classifyPep508(req);
      entries.push({ type, section, name: req.name, spec: req.spec, classification, span });
    }
  };

  pep508List(own(project, 'dependencies'), 'python', 'project.dependencies', 'project');
  const optional = ownRecord(project, 'optional-dependencies');
  for (const group of Object.keys(optional ?? {})) {
    pep508List(
      own(optional, group),
      'python',
      `project.optional-dependencies.${group}`,
      'project.optional-dependencies',
    );
  }
  const requiresPython = ownString(project, 'requires-python');
  if (requiresPython !== undefined) {
    entries.push({
      type: 'python',
      section: 'project.requires-python',
      name: 'python',
      spec: requiresPython,
      span: locate.stringIn('project', requiresPython),
      classification: { cls: 'interpreter', verdict: 'not-applicable', detail: 'interpreter constraint' },
    });
  }
  const groups = ownRecord(doc, 'dependency-groups');
  for (const group of Object.keys(groups ?? {})) {
    pep508List(own(groups, group), 'pythonDev', `dependency-groups.${group}`, 'dependency-groups');
  }
  pep508List(own(uv, 'dev-dependencies'), 'pythonDev', 'tool.uv.dev-dependencies', 'tool.uv');
  pep508List(own(uv, 'constraint-dependencies'), 'python', 'tool.uv.constraint-dependencies', 'tool.uv');
  pep508List(own(uv, 'override-dependencies'), 'python', 'tool.uv.override-dependencies', 'tool.uv');
  pep508List(
    own(ownRecord(doc, 'build-system'), 'requires'),
    'pythonBuild',
    'build-system.requires',
    'build-system',
  );

  if (poetry !== undefined) {
    const projectNames = new Set(projectRequirements.map((r) => r.name));
    const poetryTable = (table: Rec | undefined, type: DependencyType, section: string) => {
      for (const name of Object.keys(table ?? {})) {
        const value = table![name];
        const span = locate.keyIn(section, name);
        if (name.toLowerCase() === 'python') {
          entries.push({
            type,
            section,
            name,
            spec: typeof value === 'string' ? value : '',
            span,
            classification: {
              cls: 'interpreter',
              verdict: 'not-applicable',
              detail: 'interpreter constraint',
            },
          });
          continue;
        }
        let classification = classifyPoetryValue(value);
        // Poetry 2: a table without a version only adds a source or extras to a [project] dependency.
        if (
          isRecord(value) &&
          !own(value, 'version') &&
          !own(value, 'git') &&
          !own(value, 'path') &&
          !own(value, 'url')
        ) {
          if (projectNames.has(normalizePythonName(name))) {
            classification = {
              cls: 'range',
              verdict: 'not-applicable',
              detail: 'adds to the [project] dependency',
            };
          }
        }
        entries.push({ type, section, name, spec: specText(value), span, classification });
      }
    };
    poetryTable(ownRecord(poetry, 'dependencies'), 'python', 'tool.poetry.dependencies');
    poetryTable(ownRecord(poetry, 'dev-dependencies'), 'pythonDev', 'tool.poetry.dev-dependencies');
    const poetryGroups = ownRecord(poetry, 'group');
    for (const group of Object.keys(poetryGroups ?? {})) {
      const type = group === 'main' ? 'python' : 'pythonDev';
      poetryTable(
        ownRecord(own(poetryGroups, group), 'dependencies'),
        type,
        `tool.poetry.group.${group}.dependencies`,
      );
    }
    const sources = own(poetry, 'source');
    for (const source of Array.isArray(sources) ? sources : []) {
      const url = ownString(source, 'url');
      if (url === undefined) continue;
      // Poetry consults supplemental sources only for packages the primary ones lack.
      indexes.push({
        section: 'tool.poetry.source',
        url,
        extra: false,
        span: locate.stringIn('tool.poetry.source', url),
      });
    }
  }
  // uv stops at the first index that has a package ("first-index"), which defeats dependency
  // confusion; "unsafe-best-match" brings back pip's behaviour of taking the best version anywhere.
  const bestMatch = ownString(uv, 'index-strategy') === 'unsafe-best-match';
  const uvIndexes = own(uv, 'index');
  for (const index of Array.isArray(uvIndexes) ? uvIndexes : []) {
    const url = ownString(index, 'url');
    if (url === undefined) continue;
    const extra = bestMatch && own(index, 'explicit') !== true && own(index, 'default') !== true;
    indexes.push({ section: 'tool.uv.index', url, extra, span: locate.stringIn('tool.uv.index', url) });
  }
  const uvIndexUrl = ownString(uv, 'index-url');
  if (uvIndexUrl !== undefined) {
    indexes.push({
      section: 'tool.uv.index-url',
      url: uvIndexUrl,
      extra: false,
      span: locate.stringIn('tool.uv', uvIndexUrl),
    });
  }
  const uvExtra = own(uv, 'extra-index-url');
  for (const url of Array.isArray(uvExtra) ? uvExtra : []) {
    if (typeof url !== 'string') continue;
    indexes.push({
      section: 'tool.uv.extra-index-url',
      url,
      extra: bestMatch,
      span: locate.stringIn('tool.uv', url),
    });
  }

  return {
    path,
    text,
    entries,
    indexes,
    tool:
      poetry !== undefined && Object.keys(poetry).some((k) => /dependencies|group/.test(k))
        ? 'poetry'
        : uv !== undefined
          ? 'uv'
          : undefined,
    projectRequirements,
    projectName: ownString(project, 'name') ?? ownString(poetry, 'name'),
    doc,
  };
}

function specText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(specText).join(' | ');
  for (const key of ['version', 'rev', 'tag', 'branch', 'git', 'path', 'url']) {
    const v = ownString(value, key);
    if (v !== undefined) return key === 'version' ? v : `${key} = ${v}`;
  }
  return '';
}

/** `[tool.uv.sources] foo = { git = "…", rev = "<sha>" }` decides what `foo` resolves to. */
function uvSource(source: unknown, req: NonNullable<ReturnType<typeof parsePep508>>): Classification {
  const list = Array.isArray(source) ? source : [source];
  const first = list[0];
  if (own(first, 'workspace') === true)
    return { cls: 'workspace', verdict: 'not-applicable', detail: 'uv workspace member' };
  if (own(first, 'path') !== undefined)
    return { cls: 'directory', verdict: 'not-applicable', detail: 'local path (uv source)' };
  if (own(first, 'git') !== undefined || own(first, 'url') !== undefined) return classifyPoetryValue(first);
  // `{ index = "…" }`: only where from; the version still comes from the requirement.
  return classifyPep508(req);
}
