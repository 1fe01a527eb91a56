import { describe, expect, it } from 'vitest';
import { collectInventory } from '../src/audit/inventory.js';
import { readLockfile } from '../src/deps/lockfile/read-lockfile.js';
import { fixture } from './fixtures/deps/helpers.js';
import {
  NODE_PACKAGES,
  nodeProjects,
  PYTHON_PACKAGES,
  pythonProjects,
  REQUIREMENTS,
} from './helpers/audit-projects.js';

const MANIFESTS = new Set(['package.json', 'pyproject.toml']);
const lockOf = (files: Record<string, string>) => Object.keys(files).find((f) => !MANIFESTS.has(f))!;
const inventoryOf = (files: Record<string, string>, only = [lockOf(files)]) =>
  collectInventory(only, async (rel) => files[rel]);

describe('the audit inventory', () => {
  it('every Node lockfile format: each locked version once, at its entry, with the chain that brings it in', async () => {
    for (const [format, files] of Object.entries(nodeProjects())) {
      const inventory = await inventoryOf(files);
      const lock = lockOf(files);
      expect(inventory.errors, format).toEqual([]);
      expect(inventory.files, format).toEqual([lock]);
      const seen = inventory.packages.map(
        (p) => `${p.ecosystem}:${p.name}@${p.version} ${p.chain?.join(' > ')}`,
      );
      expect(seen.sort(), format).toEqual([
        'npm:lodash@4.17.19 lodash',
        'npm:lru-cache@6.0.0 semver > lru-cache',
        'npm:minimist@0.0.8 mkdirp > minimist',
        'npm:minimist@1.2.6 minimist',
        'npm:mkdirp@0.5.1 mkdirp',
        'npm:semver@7.5.1 semver',
        'npm:yallist@4.0.0 semver > lru-cache > yallist',
      ]);
      expect(inventory.packages, format).toHaveLength(NODE_PACKAGES);
      const lines = files[lock]!.split('\n');
      for (const p of inventory.packages) {
        // The entry's own line: its key names the package (and, but for npm's install paths, the version).
        const line = lines[p.line - 1]!;
        expect(line, `${format} ${p.name}@${p.version}`).toContain(p.name);
        if (!lock.endsWith('.json') && !lock.endsWith('.lock')) expect(line).toContain(p.version);
      }
    }
  });

  it('uv and Poetry: PEP 503 names matched, shown as the lockfile writes them; chains from the project', async () => {
    for (const [format, files] of Object.entries(pythonProjects())) {
      const inventory = await inventoryOf(files);
      expect(inventory.errors, format).toEqual([]);
      expect(inventory.packages, format).toHaveLength(PYTHON_PACKAGES);
      const django = inventory.packages.find((p) => p.name.toLowerCase() === 'django')!;
      // uv writes normalised names; Poetry keeps PyPI's spelling.
      expect(django.name).toBe(format === 'uv' ? 'django' : 'Django');
      expect(django.chain).toEqual([django.name]);
      const urllib3 = inventory.packages.find((p) => p.name === 'urllib3')!;
      expect(urllib3).toMatchObject({ ecosystem: 'PyPI', version: '2.0.0', chain: ['requests', 'urllib3'] });
      expect(files[lockOf(files)]!.split('\n')[urllib3.line - 1]).toBe('name = "urllib3"');
    }
  });

  it('requirements: only == and === pins are judged; ranges are listed with their lines, never guessed at', async () => {
    const inventory = await inventoryOf({ 'requirements.txt': REQUIREMENTS });
    expect(inventory.packages.map((p) => [p.name, p.version, p.line])).toEqual([
      ['Django', '4.2.2', 2],
      ['requests', '2.31.0', 3],
      ['urllib3', '2.0.0', 4],
    ]);
    expect(inventory.unpinned).toEqual([
      { file: 'requirements.txt', line: 5, requirement: 'jinja2>=3.0' },
      { file: 'requirements.txt', line: 6, requirement: 'numpy==2.1.*' },
      { file: 'requirements.txt', line: 7, requirement: 'flask~=2.0' },
    ]);
    // `mylib @ git+…` and `-e .` have no registry version.
    expect(inventory.notRegistry).toBe(2);
  });

  it('pip-compile output with hashes and continuation lines; a hand-written file mixing every kind of line', async () => {
    const compiled = fixture('requirements');
    const inv = await inventoryOf(compiled, ['requirements.txt']);
    expect(inv.packages.map((p) => `${p.name}==${p.version}`)).toEqual([
      'certifi==2025.8.3',
      'charset-normalizer==3.4.3',
      'idna==3.10',
      'requests==2.32.5',
      'urllib3==2.5.0',
    ]);
    expect(inv.unpinned).toEqual([]);
    const mixed = fixture('requirements-mixed');
    const all = await inventoryOf(mixed, ['requirements.txt', 'requirements-dev.txt']);
    // base.txt is no requirements file by name, but requirements.txt installs it (-r): audited too.
    // constraints.txt (-c) installs nothing.
    expect(all.files).toEqual(['requirements.txt', 'requirements-dev.txt', 'base.txt']);
    expect(all.packages.map((p) => `${p.file}:${p.line} ${p.name}==${p.version}`)).toEqual([
      'requirements.txt:7 requests==2.32.5',
      'requirements.txt:11 pywin32==306',
      'requirements.txt:12 torch==2.3.0',
      'requirements-dev.txt:4 ruff==0.8.4',
      'requirements-dev.txt:5 mypy==1.13.0',
      'base.txt:2 click==8.1.8',
    ]);
    expect(all.unpinned.map((u) => u.requirement)).toEqual([
      'urllib3>=2.0',
      'flask[async]~=3.0',
      'numpy==2.1.*',
      'pytest>=8',
      'rich',
    ]);
    // git and URL requirements, -e checkouts, a wheel path
    expect(all.notRegistry).toBe(7);
    const gone = await inventoryOf({ 'requirements.txt': '-r base.txt\n-r sub/../other.txt\n' });
    expect(gone.missing).toEqual(['base.txt', 'other.txt']);
  });

  it('the generated fixtures of every format: each entry either judged or counted as local/git, none lost', async () => {
    const cases: [string, string][] = [
      ['npm', 'package-lock.json'],
      ['npm-v2', 'package-lock.json'],
      ['npm-shrinkwrap', 'npm-shrinkwrap.json'],
      ['pnpm', 'pnpm-lock.yaml'],
      ['yarn1', 'yarn.lock'],
      ['berry', 'yarn.lock'],
      ['bun', 'bun.lock'],
      ['uv', 'uv.lock'],
      ['poetry', 'poetry.lock'],
    ];
    for (const [name, file] of cases) {
      const files = fixture(name);
      const inventory = await inventoryOf(files, [file]);
      const lock = (await readLockfile(file, files[file]!))!;
      expect(inventory.errors, name).toEqual([]);
      expect(inventory.packages.length + inventory.notRegistry, name).toBe(lock.entries.length);
      expect(
        inventory.packages.every((p) => /^\d/.test(p.version)),
        name,
      ).toBe(true);
      // Every fixture holds a local or git entry (workspace, link, file:, portal:, git source).
      expect(inventory.notRegistry, name).toBeGreaterThan(0);
      if (!['uv', 'poetry'].includes(name)) {
        // is-odd 0.1.2 comes only through is-even (an optional dependency of the app)
        const isOdd = inventory.packages.find((p) => p.name === 'is-odd' && p.version === '0.1.2');
        expect(isOdd?.chain, name).toEqual(['is-even', 'is-odd']);
      }
    }
  });

  it('formats it cannot read are listed, not passed; a broken lockfile is an error naming the file', async () => {
    const inventory = await collectInventory(['bun.lockb', 'pdm.lock', 'package-lock.json'], async (rel) =>
      rel === 'package-lock.json' ? '{ "lockfileVersion": 3, "packages": ' : 'x',
    );
    expect(inventory.unread).toEqual(['bun.lockb', 'pdm.lock']);
    expect(inventory.errors).toHaveLength(1);
    expect(inventory.errors[0]!.path).toBe('package-lock.json');
    expect(inventory.packages).toEqual([]);
  });
});
