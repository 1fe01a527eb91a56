import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy, policyJsonSchema } from '../src/index.js';

function errorsOf(text: string): string[] {
  const r = parsePolicy(text);
  if (r.ok) throw new Error('expected the policy to be rejected');
  return r.errors;
}

describe('parsePolicy', () => {
  it('names the file, the key, the allowed values and what was given', () => {
    expect(errorsOf('{\n  "blockOn": "severe"\n}\n')).toEqual([
      '.seckit/policy.json: blockOn: expected one of "critical", "high", "medium", "low", "info", got "severe" (line 2, column 3)',
    ]);
  });

  it('lists every problem, not just the first', () => {
    const errors = errorsOf(
      JSON.stringify(
        { blockOn: 'severe', sla: { high: 'soon' }, exceptions: [{ rule: 'x' }], ignore: 'dist' },
        null,
        2,
      ),
    );
    expect(errors).toHaveLength(4);
    expect(errors.join('\n')).toContain('sla.high: expected number, got "soon"');
    expect(errors.join('\n')).toContain('exceptions[0].reason: is required');
    expect(errors.join('\n')).toContain('ignore: expected array, got "dist"');
  });

  it('suggests the key that was meant', () => {
    expect(errorsOf('{ "blockon": "high" }')[0]).toBe(
      '.seckit/policy.json: blockon: unknown key; did you mean "blockOn"? (line 1, column 3)',
    );
    expect(errorsOf('{ "sla": { "critcal": 12 } }')[0]).toContain(
      'sla.critcal: unknown key; did you mean "critical"?',
    );
    expect(errorsOf('{ "zzzzzzzz": 1 }')[0]).toContain('zzzzzzzz: unknown key; remove it');
  });

  it('explains exception mistakes', () => {
    const errors = errorsOf(
      '{ "exceptions": [ { "reason": "legacy" }, { "rule": "r", "reason": "x", "expires": "31/12/2026" } ] }',
    );
    expect(errors[0]).toContain(
      'exceptions[0]: an exception must name at least one of "rule", "path" or "fingerprint"',
    );
    expect(errors[1]).toContain('exceptions[1].expires: expected a date as YYYY-MM-DD, got "31/12/2026"');
  });

  it('reports JSON syntax errors with line and column', () => {
    expect(errorsOf('{\n  "blockOn": "high",\n}\n')[0]).toMatch(
      /^\.seckit\/policy\.json: invalid JSON: .* \(line 3, column 1\)$/,
    );
    expect(errorsOf('{ "blockOn": "high" // no comments\n}')[0]).toContain('comments are not allowed');
    expect(errorsOf('')[0]).toBe('.seckit/policy.json: the file is empty; write {} for the defaults');
    expect(errorsOf('[1, 2]')[0]).toContain('(top level): expected object, got an array');
  });

  it('accepts a valid policy and warns when $schema is missing', () => {
    const r = parsePolicy(
      '{ "blockOn": "medium", "exceptions": [{ "path": "test/**", "reason": "fixtures" }] }',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.blockOn).toBe('medium');
    expect(r.warnings[0]).toContain('no "$schema"');
    expect(r.placeOf(['exceptions', 0])?.line).toBe(1);
  });
});

describe('loadPolicy', () => {
  it('uses defaults when the file does not exist', async () => {
    const dir = tempDir('seckit-policy-');
    const r = await loadPolicy(dir);
    expect(r.ok && r.source).toBe('default');
  });

  it('reads .seckit/policy.json', async () => {
    const dir = tempDir('seckit-policy-');
    mkdirSync(path.join(dir, '.seckit'));
    writeFileSync(path.join(dir, '.seckit/policy.json'), '{ "$schema": "x", "blockOn": "critical" }');
    const r = await loadPolicy(dir);
    expect(r.ok && r.policy.blockOn).toBe('critical');
    expect(r.ok && r.warnings).toEqual([]);
  });
});

describe('policy JSON Schema', () => {
  const shipped = JSON.parse(
    readFileSync(new URL('../schema/policy.schema.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

  it('is the one generated from the zod schema (run `pnpm build` to refresh)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(policyJsonSchema())));
  });

  it('lets editors validate the same things zod does', () => {
    const validate = new AjvModule.default({ strict: false }).compile(shipped);
    expect(validate({ $schema: 'x', blockOn: 'medium', exceptions: [{ rule: 'r', reason: 'why' }] })).toBe(
      true,
    );
    expect(validate({ blockOn: 'severe' })).toBe(false);
    expect(validate({ blockon: 'high' })).toBe(false);
    expect(validate({ exceptions: [{ rule: 'r' }] })).toBe(false);
  });
});
