import { describe, expect, it } from 'vitest';
import { definitions } from '../src/index.js';
import { sourceFile } from '../src/rule-kit.js';
import { B64, rand } from './helpers/fake.js';

const SIZE = 100_000;
const LIMIT_MS = 200;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
}

// Long runs that make backtracking regexes explode: one character, operators, quotes, base64, and
// each rule's own keywords repeated (so keyword-gated code paths run too).
const base: [string, string][] = [
  ['a-run', fill('a')],
  ['equals-run', fill('=')],
  ['double-quotes', fill('"')],
  ['single-quotes', fill("'")],
  ['base64', rand(B64, SIZE)],
  ['spaces-and-colons', fill(' :')],
  ['key-value soup', fill('password=token: secret="')],
  ['url soup', fill('postgres://a:')],
  ['jwt-like', fill('eyJ')],
  ['pem without end', `-----BEGIN RSA PRIVATE KEY-----\n${fill('MIIE')}`],
];

function inputsFor(keywords: readonly string[]): [string, string][] {
  const own = keywords.map((k): [string, string] => [`keyword ${k} repeated`, fill(`${k}a`)]);
  const prefixed = base.map(([name, text]): [string, string] => [
    `${name} after keywords`,
    `${keywords.join(' ')} ${text}`,
  ]);
  return [...base, ...prefixed, ...own];
}

describe('pathological 100 KB inputs', () => {
  it.each(definitions.map((d) => [d.name, d] as const))(
    '%s stays under 200 ms per input',
    (_name, definition) => {
      // Warm the JIT first, and keep the faster of two runs: catastrophic backtracking is slow every
      // time, while a busy CI machine only slows one run now and then.
      definition.find(sourceFile(`${definition.keywords.join(' ')} = "warm-up"`, '/repo/input.txt'), {});
      for (const [label, text] of inputsFor(definition.keywords)) {
        const file = sourceFile(text, '/repo/input.txt');
        let elapsed = Number.POSITIVE_INFINITY;
        for (let run = 0; run < 2 && elapsed >= LIMIT_MS / 2; run++) {
          const started = performance.now();
          definition.find(file, {});
          elapsed = Math.min(elapsed, performance.now() - started);
        }
        expect(elapsed, `${definition.name} on ${label}: ${elapsed.toFixed(0)} ms`).toBeLessThan(LIMIT_MS);
      }
    },
  );
});
