import { describe, expect, it } from 'vitest';
import type { WantedPackage } from '../src/install/install-command.js';
import { setJsonValue } from '../src/install/json-edit.js';
import { planPackageJson, unplanPackageJson } from '../src/install/package-json-plan.js';
import {
  addHuskyToScript,
  huskyCommand,
  huskyUnguarded,
  removeHuskyFromScript,
  runsHuskyFor,
} from '../src/install/prepare-script.js';

describe('the husky call in prepare', () => {
  it('is guarded, and uses husky’s cd form below the repository root', () => {
    expect(huskyCommand('')).toBe('husky || true');
    expect(huskyCommand('frontend')).toBe('cd .. && (husky frontend/.husky || true)');
    expect(huskyCommand('apps/web')).toBe('cd ../.. && (husky apps/web/.husky || true)');
  });

  it.each([
    [undefined, '', 'husky || true'],
    ['', '', 'husky || true'],
    ['tsc -b', '', 'tsc -b && (husky || true)'],
    ['npm run build  ', '', 'npm run build && (husky || true)'],
    ['husky', '', 'husky'],
    ['husky install', '', 'husky install'],
    ['tsc && husky', '', 'tsc && husky'],
    ['node_modules/.bin/husky || true', '', 'node_modules/.bin/husky || true'],
    ['cd .. && husky app/.husky', 'app', 'cd .. && husky app/.husky'],
    // husky for another folder is not ours: ours is appended.
    ['husky', 'app', 'husky && (cd .. && (husky app/.husky || true))'],
    // Not husky itself: a different package whose name merely contains the word.
    ['husky-tools setup', '', 'husky-tools setup && (husky || true)'],
    ['run-nohusky', '', 'run-nohusky && (husky || true)'],
  ])('%j (at %j) → %j', (before, rel, after) => {
    expect(addHuskyToScript(before, rel)).toBe(after);
    if (after !== before && before !== undefined && before.trim() !== '') {
      expect(removeHuskyFromScript(after, rel)).toBe(before.trimEnd());
    }
  });

  it('recognises an unguarded husky, which breaks installs without devDependencies', () => {
    expect(huskyUnguarded('husky')).toBe(true);
    expect(huskyUnguarded('husky || true')).toBe(false);
    expect(huskyUnguarded('tsc && (husky || true)')).toBe(false);
    expect(runsHuskyFor('husky install', '')).toBe(true);
    expect(runsHuskyFor('husky .husky', '')).toBe(true);
    expect(runsHuskyFor('husky', 'web')).toBe(false);
  });
});

describe('setJsonValue keeps the file as the user wrote it', () => {
  it.each([
    ['tabs', '{\n\t"name": "x",\n\t"files": ["dist"]\n}\n'],
    ['4 spaces, no final newline', '{\n    "name": "x",\n    "files": ["dist"]\n}'],
    ['CRLF', '{\r\n  "name": "x",\r\n  "files": ["dist"]\r\n}\r\n'],
  ])('%s', (_, text) => {
    const out = setJsonValue(text, ['scripts', 'prepare'], 'husky || true');
    // Untouched parts are byte-identical: the inline array stays inline.
    expect(out).toContain('"files": ["dist"]');
    expect(out.endsWith('\n')).toBe(text.endsWith('\n'));
    expect(out.includes('\r\n')).toBe(text.includes('\r\n'));
    const indent = /\n([ \t]+)"/.exec(text)?.[1];
    expect(out).toContain(`${indent}"scripts": {`);
    expect(JSON.parse(out).scripts.prepare).toBe('husky || true');
  });

  it('inserts dependencies in alphabetical place when the map is sorted, else at the end', () => {
    const sorted = '{\n  "devDependencies": {\n    "a": "1",\n    "z": "1"\n  }\n}\n';
    expect(
      Object.keys(
        JSON.parse(setJsonValue(sorted, ['devDependencies', 'm'], '1', { sorted: true })).devDependencies,
      ),
    ).toEqual(['a', 'm', 'z']);
    const unsorted = '{\n  "devDependencies": {\n    "z": "1",\n    "a": "1"\n  }\n}\n';
    expect(
      Object.keys(
        JSON.parse(setJsonValue(unsorted, ['devDependencies', 'm'], '1', { sorted: true })).devDependencies,
      ),
    ).toEqual(['z', 'a', 'm']);
  });
});

const WANTED: WantedPackage[] = [
  { name: '@seckit/core', version: '1.0.0', spec: '1.0.0', ours: true },
  { name: '@seckit/hooks', version: '1.0.0', spec: '1.0.0', ours: true },
  { name: 'husky', version: '9.1.7', spec: '9.1.7', ours: false },
  { name: 'lint-staged', version: '16.4.0', spec: '16.4.0', ours: false },
];
const npm = { name: 'npm', source: 'the default' } as const;

describe('planPackageJson', () => {
  it('adds exact devDependencies and the prepare script, keeping key order and the rest', () => {
    const text = '{\n  "name": "app",\n  "scripts": {\n    "build": "tsc"\n  },\n  "license": "MIT"\n}\n';
    const plan = planPackageJson({ text, file: 'package.json', wanted: WANTED, pm: npm, installRel: '' });
    const data = JSON.parse(plan.text);
    expect(Object.keys(data)).toEqual(['name', 'scripts', 'license', 'devDependencies']);
    expect(data.devDependencies).toEqual({
      '@seckit/core': '1.0.0',
      '@seckit/hooks': '1.0.0',
      husky: '9.1.7',
      'lint-staged': '16.4.0',
    });
    expect(data.scripts).toEqual({ build: 'tsc', prepare: 'husky || true' });
    expect(plan.added).toEqual(['@seckit/core', '@seckit/hooks', 'husky', 'lint-staged']);
  });

  it("keeps the user's own lint-staged and husky >= 9, updates ours and a husky older than 9", () => {
    const text = JSON.stringify({
      devDependencies: { '@seckit/hooks': '0.9.0', 'lint-staged': '^15.2.0', husky: '^8.0.3' },
    });
    const plan = planPackageJson({ text, file: 'package.json', wanted: WANTED, pm: npm, installRel: '' });
    const deps = JSON.parse(plan.text).devDependencies;
    expect(deps['lint-staged']).toBe('^15.2.0');
    expect(deps['@seckit/hooks']).toBe('1.0.0');
    expect(deps.husky).toBe('9.1.7');
    expect(plan.added).toEqual(['@seckit/core']);
  });

  it.each([
    ['pnpm', ['pnpm', 'overrides']],
    ['yarn', ['resolutions']],
    ['bun', ['overrides']],
  ] as const)(
    'with tarballs under %s, adds overrides so our packages resolve each other from them',
    (name, key) => {
      const wanted: WantedPackage[] = [
        {
          name: '@seckit/core',
          version: '1.0.0',
          spec: 'file:../t/core.tgz',
          ours: true,
          tarball: '/t/core.tgz',
        },
        {
          name: '@seckit/hooks',
          version: '1.0.0',
          spec: 'file:../t/hooks.tgz',
          ours: true,
          tarball: '/t/hooks.tgz',
        },
      ];
      const plan = planPackageJson({
        text: '{}',
        file: 'package.json',
        wanted,
        pm: { name, source: 'x' },
        installRel: '',
      });
      const written = key.reduce(
        (v: Record<string, unknown>, k) => v[k] as Record<string, unknown>,
        JSON.parse(plan.text),
      );
      expect(written).toEqual({
        '@seckit/core': 'file:../t/core.tgz',
        '@seckit/hooks': 'file:../t/hooks.tgz',
      });
      // --uninstall with an edited package.json takes exactly those entries out again.
      const edited = plan.text.replace('{', '{ "name": "edited",');
      expect(
        JSON.parse(
          unplanPackageJson({
            text: edited,
            file: 'package.json',
            remove: ['@seckit/core', '@seckit/hooks'],
            installRel: '',
          }),
        ),
      ).toEqual({
        name: 'edited',
      });
    },
  );

  it('uses postinstall under yarn 2+, which never runs prepare', () => {
    const plan = planPackageJson({
      text: '{}',
      file: 'package.json',
      wanted: WANTED,
      pm: { name: 'yarn', source: 'x', berry: true },
      installRel: '',
    });
    expect(JSON.parse(plan.text).scripts).toEqual({ postinstall: 'husky || true' });
  });

  it('names the file and the field when package.json is not what it should be', () => {
    expect(() =>
      planPackageJson({
        text: '{ "name": ',
        file: '/r/package.json',
        wanted: WANTED,
        pm: npm,
        installRel: '',
      }),
    ).toThrow('/r/package.json is not valid JSON');
    expect(() =>
      planPackageJson({
        text: '{ "scripts": [] }',
        file: '/r/package.json',
        wanted: WANTED,
        pm: npm,
        installRel: '',
      }),
    ).toThrow('"scripts" in /r/package.json must be an object');
  });

  it('unplanPackageJson removes exactly what was added', () => {
    const text =
      '{\n  "name": "app",\n  "scripts": {\n    "build": "tsc"\n  },\n  "devDependencies": {\n    "typescript": "5.0.0"\n  }\n}\n';
    const plan = planPackageJson({ text, file: 'package.json', wanted: WANTED, pm: npm, installRel: '' });
    expect(
      unplanPackageJson({ text: plan.text, file: 'package.json', remove: plan.added, installRel: '' }),
    ).toBe(text);
  });
});
