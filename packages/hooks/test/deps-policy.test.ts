import { describe, expect, it } from 'vitest';
import { brief, check, policy } from './fixtures/deps/helpers.js';

const manifest = (deps: Record<string, unknown>) => ({
  'package.json': `${JSON.stringify({ name: 'app', ...deps }, null, 2)}\n`,
});
const NOW = new Date('2026-06-01T00:00:00Z');

describe('policy: presets, per-type pins, exceptions', () => {
  it('an exact peer is a low warning; a range peer is fine', async () => {
    const { findings } = await check(manifest({ peerDependencies: { react: '18.2.0', vue: '^3.0.0' } }));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['seckit/exact-peer-dependency', 'low']]);
    expect(findings[0]!.fix).toContain('"^18.2.0"');
  });

  it('an expired exception brings the finding back and says so; a live one waives it', async () => {
    const files = manifest({ dependencies: { lodash: '^4.17.21' }, devDependencies: { lodash: '^4.17.21' } });
    const expired = policy({
      dependencies: { exceptions: [{ package: 'lodash', reason: 'r', expires: '2026-05-31' }] },
    });
    const { findings } = await check(files, { policy: expired, now: NOW });
    expect(findings.filter((f) => f.ruleId === 'seckit/unpinned-dependency').map((f) => f.message)).toEqual([
      expect.stringMatching(/\(the exception for "lodash" expired on 2026-05-31\)$/),
      expect.stringMatching(/expired on 2026-05-31\)$/),
    ]);
    const live = policy({
      dependencies: { exceptions: [{ package: 'lodash', reason: 'r', expires: '2026-06-01' }] },
    });
    expect(
      (await check(files, { policy: live, now: NOW })).findings.filter(
        (f) => f.ruleId === 'seckit/unpinned-dependency',
      ),
    ).toEqual([]);
  });

  it('an exception limited to one dependency type waives only that one', async () => {
    const files = manifest({ dependencies: { lodash: '^4.17.21' }, devDependencies: { lodash: '^4.17.21' } });
    const devOnly = policy({
      dependencies: { exceptions: [{ package: 'lodash', type: 'devDependencies', reason: 'tooling' }] },
    });
    const { findings } = await check(files, { policy: devOnly });
    expect(
      findings
        .filter((f) => f.ruleId === 'seckit/unpinned-dependency')
        .map((f) => f.properties?.dependencyType),
    ).toEqual(['dependencies']);
  });

  it('the checks switches turn the rules off', async () => {
    const files = manifest({ dependencies: { lodash: '^4.17.21' } });
    expect(
      (await check(files, { policy: policy({ checks: { dependencies: false } }) })).findings.map(
        (f) => f.ruleId,
      ),
    ).toEqual(['seckit/missing-lockfile']);
    expect(
      (await check(files, { policy: policy({ checks: { lockfiles: false } }) })).findings.map(
        (f) => f.ruleId,
      ),
    ).toEqual(['seckit/unpinned-dependency']);
  });

  it('insecure dependency URLs are reported whatever the pin policy says', async () => {
    const files = manifest({
      dependencies: {
        a: 'http://example.com/a-1.0.0.tgz',
        b: 'git://github.com/o/b.git#da39a3ee5e6b4b0d3255bfef95601890afd80709',
      },
    });
    const { findings } = await check(files, { policy: policy({ dependencies: { preset: 'library' } }) });
    expect(brief(findings).filter((f) => f.includes('insecure'))).toEqual([
      'seckit/insecure-dependency-url package.json:4',
      'seckit/insecure-dependency-url package.json:5',
    ]);
  });

  it('overrides: nested npm overrides, $references, yarn resolutions and pnpm overrides', async () => {
    const files = manifest({
      dependencies: { foo: '^1.0.0' },
      overrides: { foo: '$foo', bar: { '.': '2.0.0', baz: '^3' } },
      resolutions: { '**/qux': '~4.0.0' },
      pnpm: { overrides: { 'a>b': '-', 'c@<2': '2.1.0' } },
    });
    const { findings } = await check(files, { targets: ['package.json'] });
    expect(
      findings.filter((f) => f.ruleId === 'seckit/unpinned-dependency').map((f) => f.message.split(':')[0]),
    ).toEqual(['foo', 'foo', 'bar > baz', '**/qux']);
  });

  it('packageManager must name an exact version', async () => {
    const { findings } = await check(manifest({ packageManager: 'pnpm@^10' }));
    expect(findings.map((f) => [f.ruleId, f.properties?.dependencyType])).toEqual([
      ['seckit/unpinned-dependency', 'packageManager'],
    ]);
  });

  it('a finding id depends on file, dependency and class — not on the line', async () => {
    const a = await check(manifest({ dependencies: { lodash: '^4.17.21' } }));
    const b = await check({
      'package.json': `{\n\n\n  "name": "app",\n  "dependencies": { "lodash": "^4.17.20" }\n}\n`,
    });
    const id = (r: typeof a) => r.findings.find((f) => f.ruleId === 'seckit/unpinned-dependency')!.id;
    expect(id(a)).toBe(id(b));
    const c = await check(manifest({ dependencies: { lodash: 'latest' } }));
    expect(id(c)).not.toBe(id(a));
  });
});
