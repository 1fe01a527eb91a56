import type { DependencyType } from '@seckit/core';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { classifyRequirementLine, requirementsType } from '../src/deps/manifest/judge-requirements.js';
import { parseRequirements } from '../src/deps/manifest/requirements.js';
import { exceptionFor, mustPin } from '../src/deps/pin-policy.js';
import { classifyNodeSpecifier } from '../src/deps/specifier/node-specifier.js';
import { classifyPep508, parsePep508 } from '../src/deps/specifier/pep508.js';
import { classifyPoetryValue } from '../src/deps/specifier/poetry-specifier.js';
import { type Row, TABLE } from './fixtures/deps/conformance-table.js';
import { check, policy } from './fixtures/deps/helpers.js';

const PIN_RULES = new Set([
  'seckit/unpinned-dependency',
  'seckit/git-dependency-unpinned',
  'seckit/python-unpinned',
  'seckit/build-requires-unpinned',
]);
const LOCAL = new Set([
  'workspace',
  'link',
  'directory',
  'file',
  'portal',
  'editable',
  'interpreter',
  'remove',
  'include',
  'constraint',
  'option',
]);

/** The manifest (and companions) a row stands for, its file, its dependency type and name. */
function build(row: Row): {
  files: Record<string, string>;
  file: string;
  type: DependencyType;
  name: string;
} {
  const name = row.name ?? (row.eco === 'pip' || row.eco === 'pep621' ? '' : 'lodash');
  const extra = Object.fromEntries(Object.entries(row.files ?? {}).filter(([k]) => !k.includes('#')));
  const q = JSON.stringify(row.spec);
  switch (row.eco) {
    case 'pip': {
      const prefix = row.files?.['requirements.txt#prefix'] ?? '';
      return {
        files: { [row.where]: `${prefix}${row.spec}\n`, ...extra },
        file: row.where,
        type: requirementsType(row.where),
        name,
      };
    }
    case 'poetry': {
      const toml = `[tool.poetry]\nname = "app"\n\n[${row.where}]\n${name} = ${row.spec}\n`;
      return {
        files: { 'pyproject.toml': toml },
        file: 'pyproject.toml',
        type: row.where.includes('.group.') ? 'pythonDev' : 'python',
        name,
      };
    }
    case 'pep621': {
      const toml = {
        'project.dependencies': `[project]\nname = "app"\ndependencies = [${q}]\n`,
        'project.optional-dependencies': `[project]\nname = "app"\n\n[project.optional-dependencies]\nhttp = [${q}]\n`,
        'project.requires-python': `[project]\nname = "app"\nrequires-python = ${q}\n`,
        'dependency-groups': `[dependency-groups]\ndev = [${q}]\n`,
        'build-system.requires': `[build-system]\nrequires = [${q}]\n`,
      }[row.where]!;
      const type: DependencyType =
        row.where === 'dependency-groups'
          ? 'pythonDev'
          : row.where === 'build-system.requires'
            ? 'pythonBuild'
            : 'python';
      return { files: { 'pyproject.toml': toml }, file: 'pyproject.toml', type, name };
    }
    default: {
      const manifest: Record<string, unknown> = { name: 'app', version: '1.0.0' };
      if (row.where === 'packageManager') manifest.packageManager = row.spec;
      else if (row.where === 'pnpm.overrides') manifest.pnpm = { overrides: { [name]: row.spec } };
      else manifest[row.where] = { [name]: row.spec };
      if (row.spec === '$foo') manifest.dependencies = { foo: '1.2.3' };
      const catalog = row.files?.['package.json#catalog'];
      if (catalog !== undefined) manifest.catalog = { [name]: catalog };
      const type = (row.where === 'pnpm.overrides' ? 'overrides' : row.where) as DependencyType;
      return {
        files: { 'package.json': `${JSON.stringify(manifest, null, 2)}\n`, ...extra },
        file: 'package.json',
        type,
        name,
      };
    }
  }
}

/** The class the row's specifier gets on its own (indirections stay unresolved here). */
function directClass(row: Row): string {
  switch (row.eco) {
    case 'pip': {
      const line = parseRequirements(`${row.spec}\n`)[0]!;
      if (line.kind !== 'requirement') return line.kind;
      return classifyRequirementLine(line).classification.cls;
    }
    case 'poetry':
      if (row.name === 'python') return 'interpreter';
      return classifyPoetryValue((parseToml(`v = ${row.spec}`) as { v: unknown }).v).cls;
    case 'pep621':
      if (row.where === 'project.requires-python') return 'interpreter';
      return classifyPep508(parsePep508(row.spec)!).cls;
    default:
      return classifyNodeSpecifier(
        row.where === 'packageManager' ? row.spec.slice(row.spec.indexOf('@', 1) + 1) : row.spec,
      ).cls;
  }
}

describe('conformance table', () => {
  it('has at least 100 specifiers across npm, pnpm, yarn, bun, pip, Poetry and PEP 621', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(100);
    expect(new Set(TABLE.map((r) => r.eco))).toEqual(
      new Set(['npm', 'pnpm', 'yarn', 'bun', 'pip', 'poetry', 'pep621']),
    );
  });

  it('gives every specifier its expected verdict and class, through the real manifest parsers', async () => {
    const failures: string[] = [];
    const now = new Date('2026-06-01T00:00:00Z');
    for (const [i, row] of TABLE.entries()) {
      const { files, type, name } = build(row);
      const p = policy(row.policy ?? {});
      const { findings, errors } = await check(files, { policy: p, targets: Object.keys(files), now });
      // Anywhere: a catalog's finding points at the catalog entry, not at package.json.
      const pins = findings.filter((f) => PIN_RULES.has(f.ruleId));
      const waived =
        name !== '' &&
        exceptionFor(
          p,
          { ruleId: 'seckit/unpinned-dependency', pinRule: true, pkg: name, type, python: false },
          now,
        ).active !== undefined;
      const verdict =
        pins.length > 0
          ? 'unpinned'
          : LOCAL.has(row.cls) || !mustPin(p, type) || waived
            ? 'not-applicable'
            : 'pinned';
      const cls = (pins[0]?.properties?.specifierClass as string | undefined) ?? directClass(row);
      const source = row.source === undefined || findings.some((f) => f.ruleId === row.source);
      if (verdict !== row.verdict || cls !== row.cls || !source || errors.length > 0) {
        failures.push(
          `#${i + 1} ${row.eco} ${row.where} ${JSON.stringify(row.spec)}: got ${verdict}/${cls}${source ? '' : ` without ${row.source}`}${
            errors.length > 0 ? ` errors ${JSON.stringify(errors)}` : ''
          }, expected ${row.verdict}/${row.cls} (${row.why})`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
