import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { detectJsonFormat, stringifyJson } from '../src/install/json-format.js';
import { packageNameFromFolder, readPackageJson, updatePrepareScript } from '../src/install/package-json.js';
import { addHuskyToPrepare } from '../src/install/prepare-script.js';

describe('addHuskyToPrepare', () => {
  it.each([
    [undefined, 'husky'],
    ['', 'husky'],
    ['   ', 'husky'],
    ['tsc -b', 'tsc -b && husky'],
    ['npm run build  ', 'npm run build && husky'],
    ['husky', 'husky'],
    ['husky install', 'husky install'],
    ['tsc && husky', 'tsc && husky'],
    ['cd .. && husky app/.husky', 'cd .. && husky app/.husky'],
    ['node_modules/.bin/husky || true', 'node_modules/.bin/husky || true'],
    // Not husky itself: a different package whose name merely contains the word.
    ['husky-tools setup', 'husky-tools setup && husky'],
    ['run-nohusky', 'run-nohusky && husky'],
  ])('%j → %j', (before, after) => {
    expect(addHuskyToPrepare(before)).toBe(after);
  });
});

describe('JSON layout', () => {
  it.each([
    ['{\n\t"a": 1\n}\n', { indent: '\t', eol: '\n', finalNewline: true }],
    ['{\n    "a": 1\n}', { indent: '    ', eol: '\n', finalNewline: false }],
    ['{\r\n  "a": 1\r\n}\r\n', { indent: '  ', eol: '\r\n', finalNewline: true }],
    ['{"a":1}\n', { indent: '  ', eol: '\n', finalNewline: true }],
  ])('detects %j', (text, format) => {
    expect(detectJsonFormat(text)).toEqual(format);
  });

  it.each([
    '{\n\t"name": "x",\n\t"scripts": {\n\t\t"a": "b"\n\t}\n}\n',
    '{\n    "name": "x",\n    "list": [\n        1\n    ]\n}',
    '{\r\n  "name": "x"\r\n}\r\n',
  ])('round-trips %j byte for byte', (text) => {
    expect(stringifyJson(JSON.parse(text), detectJsonFormat(text))).toBe(text);
  });
});

describe('updatePrepareScript', () => {
  const write = (text: string) => {
    const dir = tempDir('seckit-pkg-');
    writeFileSync(path.join(dir, 'package.json'), text);
    return dir;
  };

  it('adds scripts.prepare at the end, keeping tabs, key order and no final newline', async () => {
    const dir = write('{\n\t"name": "x",\n\t"version": "1.0.0",\n\t"devDependencies": {}\n}');
    const pkg = await readPackageJson(dir);
    expect(await updatePrepareScript(pkg!)).toEqual({ before: undefined, after: 'husky', changed: true });
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(
      '{\n\t"name": "x",\n\t"version": "1.0.0",\n\t"devDependencies": {},\n\t"scripts": {\n\t\t"prepare": "husky"\n\t}\n}',
    );
  });

  it('extends an existing prepare in place, keeping 4-space indent and neighbours', async () => {
    const dir = write(
      '{\n    "scripts": {\n        "build": "tsc",\n        "prepare": "tsc -b",\n        "test": "vitest"\n    },\n    "name": "x"\n}\n',
    );
    const result = await updatePrepareScript((await readPackageJson(dir))!);
    expect(result).toEqual({ before: 'tsc -b', after: 'tsc -b && husky', changed: true });
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(
      '{\n    "scripts": {\n        "build": "tsc",\n        "prepare": "tsc -b && husky",\n        "test": "vitest"\n    },\n    "name": "x"\n}\n',
    );
  });

  it('does not write when husky is already there (the file keeps even its odd layout)', async () => {
    const text = '{"scripts": {"prepare": "husky"},   "name": "x"}';
    const dir = write(text);
    expect((await updatePrepareScript((await readPackageJson(dir))!)).changed).toBe(false);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(text);
  });

  it.each([
    ['{ "scripts": [] }', '"scripts" in'],
    ['{ "scripts": { "prepare": 1 } }', '"scripts.prepare" in'],
  ])('refuses %j with a message naming the file', async (text, start) => {
    const dir = write(text);
    const file = path.join(dir, 'package.json');
    await expect(updatePrepareScript((await readPackageJson(dir))!)).rejects.toMatchObject({
      code: 'E_PACKAGE_JSON',
      file,
      message: expect.stringContaining(`${start} ${file}`),
    });
  });

  it('reports invalid JSON with the file name', async () => {
    const dir = write('{ "name": "x", }');
    await expect(readPackageJson(dir)).rejects.toMatchObject({
      code: 'E_PACKAGE_JSON',
      message: expect.stringMatching(/package\.json is not valid JSON/),
    });
  });
});

describe('packageNameFromFolder', () => {
  it.each([
    ['/tmp/my-app', 'my-app'],
    ['/tmp/My Project', 'my-project'],
    ['/tmp/.hidden', 'hidden'],
    ['/tmp/___', 'project'],
  ])('%s → %s', (dir, name) => {
    expect(packageNameFromFolder(dir)).toBe(name);
  });
});
