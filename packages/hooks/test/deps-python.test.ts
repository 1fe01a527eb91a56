import { describe, expect, it } from 'vitest';
import { brief, check, fixture } from './fixtures/deps/helpers.js';

describe('requirements files, as pip reads them', () => {
  it('the mixed fixture: pins, hashes all-or-nothing, VCS refs, URLs, indexes; includes followed, cycles stopped', async () => {
    const { findings, errors } = await check(fixture('requirements-mixed'), {
      targets: ['requirements.txt', 'requirements-dev.txt'],
    });
    expect(errors).toEqual([]);
    expect(brief(findings)).toEqual(
      [
        'seckit/python-extra-index requirements.txt:3',
        'seckit/python-hash-missing requirements-dev.txt:3',
        'seckit/python-hash-missing requirements-dev.txt:5',
        'seckit/python-insecure-index requirements-dev.txt:2',
        'seckit/python-trusted-host requirements-dev.txt:1',
        'seckit/python-unpinned requirements-dev.txt:3',
        'seckit/python-unpinned requirements.txt:14',
        'seckit/python-unpinned requirements.txt:15',
        'seckit/python-unpinned requirements.txt:18',
        'seckit/python-unpinned requirements.txt:8',
        'seckit/python-unpinned requirements.txt:9',
        'seckit/python-unpinned requirements.txt:10',
        'seckit/python-weak-hash requirements-dev.txt:4',
      ].sort(),
    );
    // `rich` in base.txt is pinned by constraints.txt; base.txt's `-r requirements.txt` is a cycle.
    expect(findings.some((f) => f.location.path === 'base.txt')).toBe(false);
  });

  it('pip-compile --generate-hashes output is clean', async () => {
    expect((await check(fixture('requirements'), { targets: ['requirements.txt'] })).findings).toEqual([]);
  });

  it('requirements.in (pip-tools input, unpinned on purpose) is not judged', async () => {
    expect((await check(fixture('requirements'))).findings).toEqual([]);
  });

  it('continuation lines, comments and the place of a hash', async () => {
    const text =
      'requests==2.32.5 \\\n    --hash=sha1:0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33 # legacy\n# note\nidna==3.10 \\\n  --hash=sha256:aaaa\n';
    const { findings } = await check({ 'requirements.txt': text });
    // Line 2 of the file, at the hash itself (after `--hash=`), though pip reads both lines as one.
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.location.startColumn])).toEqual([
      ['seckit/python-weak-hash', 2, 12],
    ]);
  });

  it('--no-require-hashes (pip 26.2) verifies only where given', async () => {
    const text = '--no-require-hashes\nrequests==2.32.5 --hash=sha256:aaaa\n-e .\nidna==3.10\n';
    expect((await check({ 'requirements.txt': text })).findings).toEqual([]);
  });

  it('--require-hashes without any hash: every line needs one; VCS and editables cannot have one', async () => {
    const sha = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
    const text = `--require-hashes\nrequests==2.32.5\nmylib @ git+https://github.com/acme/mylib.git@${sha}\n-e .\n`;
    const { findings } = await check({ 'requirements.txt': text });
    expect(findings.map((f) => f.ruleId)).toEqual([
      'seckit/python-hash-missing',
      'seckit/python-hash-missing',
      'seckit/python-hash-missing',
    ]);
    expect(findings[1]!.message).toContain('refuses version-control requirements');
    expect(findings[2]!.message).toContain('refuses editable installs');
  });

  it('--extra-index-url is medium when every requirement is hashed', async () => {
    const text =
      '--extra-index-url https://pypi.internal.example/simple\nrequests==2.32.5 --hash=sha256:aaaa\n';
    const { findings } = await check({ 'requirements.txt': text });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['seckit/python-extra-index', 'medium']]);
  });

  it('an include that is missing, outside the repository, or a URL', async () => {
    const text = '-r missing.txt\n-r ../../etc/other.txt\n-r https://example.com/reqs.txt\n';
    const { findings } = await check({ 'requirements.txt': text });
    expect(findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['seckit/manifest-unreadable', 1],
      ['seckit/manifest-unreadable', 2],
      ['seckit/python-unpinned', 3],
    ]);
    expect(findings[0]!.message).toBe(
      '-r missing.txt: missing.txt does not exist, so pip fails and nothing in it was checked',
    );
  });

  it('includes are resolved relative to the including file', async () => {
    const files = { 'requirements/prod.txt': '-r base.txt\n', 'requirements/base.txt': 'flask>=3\n' };
    const { findings } = await check(files, { targets: ['requirements/prod.txt'] });
    expect(brief(findings)).toEqual(['seckit/python-unpinned requirements/base.txt:1']);
  });

  it('credentials in an index URL never reach the finding', async () => {
    const password = ['S3cr', 'etPass', 'word12345'].join('');
    const { findings } = await check({
      'requirements.txt': `--extra-index-url http://ci:${password}@pypi.internal.example/simple\n`,
    });
    expect(findings.map((f) => f.ruleId).sort()).toEqual([
      'seckit/python-extra-index',
      'seckit/python-insecure-index',
    ]);
    expect(JSON.stringify(findings)).not.toContain(password);
  });
});

describe('pyproject.toml', () => {
  it('uv: an index with unsafe-best-match, and one over http', async () => {
    const toml =
      '[project]\nname = "a"\ndependencies = []\n\n[tool.uv]\nindex-strategy = "unsafe-best-match"\n\n[[tool.uv.index]]\nname = "internal"\nurl = "http://pypi.internal.example/simple"\n';
    const { findings } = await check({ 'pyproject.toml': toml });
    expect(brief(findings)).toEqual([
      'seckit/python-extra-index pyproject.toml:10',
      'seckit/python-insecure-index pyproject.toml:10',
    ]);
  });

  it('a Poetry project without poetry.lock is missing its lockfile; a plain PEP 621 library is not', async () => {
    const poetry = fixture('poetry');
    const { findings } = await check({ 'pyproject.toml': poetry['pyproject.toml']! });
    expect(findings.filter((f) => f.ruleId === 'seckit/missing-lockfile').map((f) => f.message)).toEqual([
      'pyproject.toml is a poetry project with 4 dependencies but no poetry.lock: every install resolves them anew',
    ]);
    const library = '[project]\nname = "lib"\ndependencies = ["requests>=2"]\n';
    expect((await check({ 'pyproject.toml': library })).findings.map((f) => f.ruleId)).toEqual([
      'seckit/python-unpinned',
    ]);
  });

  it('Poetry 2: a table without a version only enriches the [project] dependency', async () => {
    const toml =
      '[project]\nname = "a"\ndependencies = ["requests==2.32.5"]\n\n[tool.poetry.dependencies]\nrequests = { source = "internal" }\n';
    const { findings } = await check({ 'pyproject.toml': toml });
    expect(findings.filter((f) => f.ruleId !== 'seckit/missing-lockfile')).toEqual([]);
  });

  it('an insecure VCS URL in a dependency', async () => {
    const toml =
      '[project]\nname = "a"\ndependencies = ["mylib @ git+http://git.example.com/mylib.git@da39a3ee5e6b4b0d3255bfef95601890afd80709"]\n';
    const { findings } = await check({ 'pyproject.toml': toml });
    expect(findings.map((f) => f.ruleId)).toEqual(['seckit/insecure-dependency-url']);
  });
});
