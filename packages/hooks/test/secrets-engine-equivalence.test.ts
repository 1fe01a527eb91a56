import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSecretRules, presetRuleEntries } from '../src/secrets/engine/rule-set.js';
import { createSecretEngine, type ScanKind } from '../src/secrets/engine/secret-engine.js';
import { type CorpusFile, plantedFiles, realFiles } from './helpers/engine-corpus.js';
import { type Comparable, type ReferenceLint, referenceLint } from './helpers/reference-lint.js';

// Both rule sets: secretlint's preset and @seckit/secretlint-rule-preset, as the check runs them.
const entries = defaultSecretRules().entries;
const presetIds = presetRuleEntries().map((e) => e.rule.meta.id);
const keywordsOf = new Map(entries.map((e) => [e.rule.meta.id, e.keywords]));
const lockfileEntries = entries.filter((e) => e.lockfiles);

async function engineMessages(file: CorpusFile, kind: ScanKind): Promise<Comparable[]> {
  const out = await createSecretEngineOnce().scan({
    content: file.content,
    kind,
    filePath: `/repo/${file.path}`,
    ext: file.path.slice(file.path.lastIndexOf('.')),
  });
  return out.messages.map(({ ruleId, messageId, message, range, data, docsUrl }) => ({
    ruleId,
    messageId,
    message,
    range,
    data,
    docsUrl,
  }));
}

let engine: ReturnType<typeof createSecretEngine> | undefined;
function createSecretEngineOnce() {
  engine ??= createSecretEngine(entries);
  return engine;
}

// A few MB: real code from this package's dependencies, and generated files dense in credentials
// and near misses. bench/secrets-speed/ runs the same comparison over a 214 MB tree.
let corpus: CorpusFile[];
let reference: ReferenceLint;

beforeAll(async () => {
  const real = realFiles(4_000_000);
  corpus = [...real, ...plantedFiles(20_26, 700, real)];
  reference = await referenceLint();
});

describe('secret engine = lintSource', () => {
  it('gives the same messages as plain lintSource on every file, prefilter and all', async () => {
    const seen = new Set<string>();
    let compared = 0;
    for (const file of corpus) {
      const text = file.content.toString('utf8');
      const expected = await reference(`/repo/${file.path}`, text, entries);
      const actual = await engineMessages(file, 'text');
      expect(actual, file.path).toEqual(expected);
      for (const m of expected) seen.add(m.ruleId);
      compared += expected.length;
    }
    // The corpus exercises every rule of the preset (else "same messages" would prove little).
    expect(presetIds.filter((id) => !seen.has(id))).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  });

  it('runs only the URL-credential rules on lockfiles, with their exact messages', async () => {
    const locks = corpus.filter((f) => /lock\.(json|yaml)$/.test(f.path));
    expect(locks.length).toBeGreaterThan(0);
    for (const file of locks) {
      const expected = await reference(`/repo/${file.path}`, file.content.toString('utf8'), lockfileEntries);
      expect(expected.length).toBeGreaterThan(0);
      expect(await engineMessages(file, 'lockfile')).toEqual(expected);
    }
  });

  it('has keywords that are necessary: every reported text contains one of its rule', async () => {
    for (const file of corpus) {
      const text = file.content.toString('utf8');
      const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
      for (const m of await reference(`/repo/${file.path}`, text, entries)) {
        const keywords = keywordsOf.get(m.ruleId);
        expect(keywords, `${m.ruleId} has keywords`).toBeDefined();
        expect(
          keywords!.some((k) => lower.includes(k)),
          `${m.ruleId} in ${file.path}`,
        ).toBe(true);
      }
    }
  });
});
