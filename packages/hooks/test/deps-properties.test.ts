import { defaultPolicy, Finding, isSeckitError } from '@seckit/core';
import { parse as parseYarnV1Library } from '@yarnpkg/lockfile';
import fc from 'fast-check';
import { findNodeAtLocation, parse as parseJsonc, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { stringify as yamlStringify } from 'yaml';
import { runDependencyChecks } from '../src/deps/index.js';
import { readLockfile } from '../src/deps/lockfile/read-lockfile.js';
import { readYarnV1 } from '../src/deps/lockfile/yarn-v1-read.js';
import { parsePackageJson } from '../src/deps/manifest/package-json.js';
import { parsePnpmWorkspace } from '../src/deps/manifest/pnpm-workspace.js';
import { parsePyproject } from '../src/deps/manifest/pyproject.js';
import { parseRequirements } from '../src/deps/manifest/requirements.js';
import { FastYamlUnsupported, parseFastYaml } from '../src/deps/parse/fast-yaml.js';
import { jsonSpans } from '../src/deps/parse/json-spans.js';
import { blankTrailingCommas } from '../src/deps/parse/load-json.js';
import { loadWithLibrary } from '../src/deps/parse/load-yaml.js';
import { fixture } from './fixtures/deps/helpers.js';

// Modest run counts: these run on every `pnpm test`, next to other projects' suites.
const RUNS = { numRuns: 100 };

/** Resolves to "ok" or "seckit-error"; anything else thrown fails the property. */
async function outcome(work: () => unknown): Promise<'ok' | 'seckit-error'> {
  try {
    await work();
    return 'ok';
  } catch (error) {
    if (isSeckitError(error)) return 'seckit-error';
    throw error;
  }
}

const YAMLISH = fc.constantFrom(...' :-\n\'"#{}[],&*!|>?%@`\t\r\\x0ab_'.split(''));
const JSONISH = fc.constantFrom(...' :,\n"{}[]\\0123456789.eE-+tfnul/abc'.split(''));
const TOMLISH = fc.constantFrom(...' =\n"\'[]{}.,#0123456789abc-_:\\'.split(''));

/** A real file with a few random edits: the inputs parsers actually meet (truncated, merged, typo'd). */
function mutated(text: string, alphabet: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat({ max: Math.max(0, text.length) }),
    cut: fc.nat({ max: 12 }),
    insert: fc.array(alphabet, { maxLength: 6 }).map((c) => c.join('')),
  });
  return fc
    .array(edit, { minLength: 1, maxLength: 4 })
    .map((edits) =>
      edits.reduce(
        (t, e) => t.slice(0, e.at % (t.length + 1)) + e.insert + t.slice((e.at % (t.length + 1)) + e.cut),
        text,
      ),
    );
}

const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('no input makes a parser throw anything but SeckitError', () => {
  const npm = fixture('npm');
  const pnpm = fixture('pnpm');
  const berry = fixture('berry');
  const yarn1 = fixture('yarn1');
  const bun = fixture('bun');
  const uv = fixture('uv');
  const poetry = fixture('poetry');
  const lockfiles: [string, string, fc.Arbitrary<string>][] = [
    ['package-lock.json', npm['package-lock.json']!, JSONISH],
    ['pnpm-lock.yaml', pnpm['pnpm-lock.yaml']!, YAMLISH],
    ['yarn.lock', berry['yarn.lock']!, YAMLISH],
    ['yarn.lock', yarn1['yarn.lock']!, YAMLISH],
    ['bun.lock', bun['bun.lock']!, JSONISH],
    ['uv.lock', uv['uv.lock']!, TOMLISH],
    ['poetry.lock', poetry['poetry.lock']!, TOMLISH],
  ];

  it.each(lockfiles)('%s (mutated real file and arbitrary text)', async (name, text, alphabet) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(text, alphabet), anyText), async (input) => {
        expect(['ok', 'seckit-error']).toContain(await outcome(() => readLockfile(name, input)));
      }),
      RUNS,
    );
  });

  it('package.json, pnpm-workspace.yaml, pyproject.toml, requirements files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(npm['package.json']!, JSONISH), anyText), async (input) => {
        expect(['ok', 'seckit-error']).toContain(
          await outcome(() => parsePackageJson('package.json', input)),
        );
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(pnpm['pnpm-workspace.yaml']!, YAMLISH), anyText), async (input) => {
        expect(['ok', 'seckit-error']).toContain(
          await outcome(() => parsePnpmWorkspace('pnpm-workspace.yaml', input)),
        );
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(poetry['pyproject.toml']!, TOMLISH), anyText), async (input) => {
        expect(['ok', 'seckit-error']).toContain(
          await outcome(() => parsePyproject('pyproject.toml', input)),
        );
      }),
      RUNS,
    );
    const requirements = fixture('requirements-mixed')['requirements.txt']!;
    fc.assert(
      fc.property(fc.oneof(mutated(requirements, TOMLISH), anyText), (input) => {
        expect(Array.isArray(parseRequirements(input))).toBe(true);
      }),
      RUNS,
    );
  });

  it('the whole check returns valid findings (or errors) for any file content, never throws', async () => {
    const names = [
      'package.json',
      'pnpm-lock.yaml',
      'yarn.lock',
      'requirements.txt',
      'pyproject.toml',
      'bun.lock',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.oneof(mutated(npm['package.json']!, JSONISH), anyText),
        async (name, input) => {
          const files = new Map([[name, Buffer.from(input)]]);
          const result = await runDependencyChecks({
            root: '/nonexistent',
            scope: 'full',
            files: [{ path: name, content: files.get(name)! }],
            policy: defaultPolicy(),
            readRepoFile: async (p) => files.get(p),
          });
          for (const f of result.findings) expect(Finding.safeParse(f).success, JSON.stringify(f)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the fast readers agree with the libraries on everything they accept', () => {
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

  async function sameAsLibrary(text: string): Promise<boolean> {
    let fast: unknown[];
    try {
      fast = parseFastYaml(text).docs;
    } catch (error) {
      if (error instanceof FastYamlUnsupported || error instanceof RangeError) return true; // the library decides
      throw error;
    }
    const library = await loadWithLibrary(text, 'x.yaml', 'E_LOCKFILE');
    expect(plain(fast)).toEqual(plain(library.docs));
    return true;
  }

  it('YAML: generated documents in every scalar style', async () => {
    const key = fc.oneof(
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.constantFrom('a', 'lodash@4.17.21', '@scope/x@1.0.0', 'true', '1.10', "it's"),
    );
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('sha512-abc+/==', 'https://x/y#z', '^1.2.3', '>=8', 'a: b', '- x', '# no', ''),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    const doc = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 });
    const options = fc.record({
      flowLevel: fc.constantFrom(undefined, 1, 2, 3),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE') as fc.Arbitrary<
        'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE'
      >,
      indent: fc.constantFrom(2, 4),
    });
    await fc.assert(
      fc.asyncProperty(doc, options, async (value, o) => {
        const text = yamlStringify(value, {
          ...(o.flowLevel === undefined ? {} : { flowLevel: o.flowLevel }),
          defaultStringType: o.defaultStringType,
          indent: o.indent,
          lineWidth: 0,
        });
        expect(await sameAsLibrary(text)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('YAML: mutated real lockfiles (pnpm, yarn berry) and pnpm-workspace.yaml', async () => {
    for (const text of [
      fixture('pnpm-multidoc')['pnpm-lock.yaml']!,
      fixture('berry')['yarn.lock']!,
      fixture('pnpm')['pnpm-workspace.yaml']!,
    ]) {
      expect(await sameAsLibrary(text)).toBe(true);
      await fc.assert(
        fc.asyncProperty(mutated(text, YAMLISH), async (input) => {
          expect(await sameAsLibrary(input)).toBe(true);
        }),
        { numRuns: 100 },
      );
    }
  });

  it('YAML: skimming a section checks it like parsing it would', async () => {
    const text = fixture('pnpm')['pnpm-lock.yaml']!;
    await fc.assert(
      fc.asyncProperty(mutated(text.slice(text.indexOf('\nsnapshots:')), YAMLISH), async (snapshots) => {
        const whole = text.slice(0, text.indexOf('\nsnapshots:')) + snapshots;
        let full: 'ok' | 'unsupported' = 'ok';
        let skim: 'ok' | 'unsupported' = 'ok';
        try {
          parseFastYaml(whole);
        } catch {
          full = 'unsupported';
        }
        try {
          parseFastYaml(whole, { skim: ['snapshots'] });
        } catch {
          skim = 'unsupported';
        }
        // Skimming may only be stricter (falling back to the library), never laxer: what it
        // accepts, the library accepts.
        if (skim === 'ok' && full === 'unsupported') {
          const library = await loadWithLibrary(whole, 'x', 'E_LOCKFILE').then(
            () => 'ok',
            (error: Error) => error.message,
          );
          expect(library).toBe('ok');
        }
      }),
      { numRuns: 100 },
    );
  });

  const noBracketsInStrings = (json: string): boolean => {
    const strings: string[] = [];
    JSON.parse(json, (key, value) => {
      strings.push(key);
      if (typeof value === 'string') strings.push(value);
      return value;
    });
    // `__proto__` as a key: jsonc-parser's plain-object building sets the prototype instead.
    return strings.every((t) => !/[\]}"\\]/.test(t) && t !== '__proto__');
  };

  it('JSONC: blanking trailing commas agrees with jsonc-parser', () => {
    fc.assert(
      // The comma-inserting regex cannot tell structure from string content: keep brackets out of
      // strings (keys and values), or it would edit a string and the comparison means nothing.
      fc.property(fc.json({ maxDepth: 3 }).filter(noBracketsInStrings), fc.boolean(), (json, spaced) => {
        const withCommas = json.replace(/([}\]"\d el])([}\]])/g, spaced ? '$1,\n$2' : '$1,$2');
        let viaBlank: unknown;
        try {
          viaBlank = JSON.parse(blankTrailingCommas(withCommas));
        } catch {
          return; // not valid even with commas blanked: jsonc-parser's turn, tested elsewhere
        }
        expect(viaBlank).toEqual(parseJsonc(withCommas, [], { allowTrailingComma: true }));
      }),
      { numRuns: 300 },
    );
  });

  it('JSON places agree with jsonc-parser’s tree, for every value', () => {
    const paths = (v: unknown, at: (string | number)[] = []): (string | number)[][] => [
      at,
      ...(Array.isArray(v)
        ? v.flatMap((x, i) => paths(x, [...at, i]))
        : typeof v === 'object' && v !== null
          ? Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))
          : []),
    ];
    fc.assert(
      fc.property(fc.json({ maxDepth: 3 }), fc.constantFrom(0, 2, '\t'), (json, indent) => {
        const text = JSON.stringify(JSON.parse(json), null, indent);
        const spans = jsonSpans(text);
        const tree = parseTree(text)!;
        for (const p of paths(JSON.parse(text))) {
          const node = findNodeAtLocation(tree, p);
          // jsonc-parser keeps the first of duplicate keys, JSON.parse the last: compare unique paths only
          if (node === undefined) continue;
          expect(spans.value(p)).toEqual({ start: node.offset, end: node.offset + node.length });
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['a comment line inside an entry', (t: string) => t.replace('  version "3.2.2"', '#  version "3.2.2"')],
    ['a key starting with "."', (t: string) => t.replace('lodash@^4.17.21:', '.17.21:')],
    ['a field name with no value', (t: string) => t.replace('  version "0.1.2"', '  version ')],
  ])('Yarn 1: %s is read as Yarn reads it (found by the property below)', (_, mutate) => {
    const text = mutate(fixture('yarn1')['yarn.lock']!);
    expect(text).not.toBe(fixture('yarn1')['yarn.lock']);
    const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    let library: unknown;
    try {
      library = plain(parseYarnV1Library(text).object);
    } catch {
      library = 'refused';
    }
    let fast: unknown;
    try {
      const out: Record<string, unknown> = {};
      for (const block of readYarnV1(text, 'yarn.lock'))
        for (const k of block.keys) out[k] = plain(block.fields);
      fast = out;
    } catch (error) {
      if (!isSeckitError(error)) throw error;
      fast = 'refused';
    }
    expect(fast).toEqual(library);
  });

  it('Yarn 1: the fast reader agrees with Yarn’s own parser', () => {
    const text = fixture('yarn1')['yarn.lock']!;
    const viaFast = (t: string) => {
      const out: Record<string, unknown> = {};
      for (const block of readYarnV1(t, 'yarn.lock'))
        for (const k of block.keys) out[k] = plainFields(block.fields);
      return out;
    };
    const plainFields = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    expect(viaFast(text)).toEqual(plainFields(parseYarnV1Library(text).object));
    fc.assert(
      fc.property(mutated(text, YAMLISH), (input) => {
        let fast: Record<string, unknown>;
        try {
          fast = viaFast(input);
        } catch (error) {
          if (isSeckitError(error)) return; // both refused it (the fallback is Yarn's parser)
          throw error;
        }
        let library: ReturnType<typeof parseYarnV1Library>;
        try {
          library = parseYarnV1Library(input);
        } catch {
          throw new Error(`accepted what Yarn refuses:\n${input}`);
        }
        if (library.type === 'success') expect(fast).toEqual(plainFields(library.object));
      }),
      { numRuns: 150 },
    );
  });
});

describe('uv.lock: a version that is a table', () => {
  it('is an unknown version with its place, not a crash (found by the property above)', async () => {
    const text = fixture('uv')['uv.lock']!.replace(/^version = 1$/m, 'version.- = 1');
    const error = await readLockfile('uv.lock', text).catch((e: unknown) => e);
    expect(isSeckitError(error)).toBe(true);
    expect((error as Error).message).toContain('unknown uv.lock version table (seckit reads 1)');
  });
});
