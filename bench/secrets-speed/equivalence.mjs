// In-process proof on the bench tree: seckit's secret engine (keyword prefilter, rules created
// once) gives exactly the messages of @secretlint/core 12.0.0's plain lintSource, file by file:
// same rule, message id, message, range, data and docs URL, in the same order.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function compareEngineWithLintSource({ repoRoot, treeDir, files }) {
  const hooks = path.join(repoRoot, 'packages/hooks');
  const { presetRuleEntries } = await import(
    pathToFileURL(path.join(hooks, 'dist/secrets/engine/rule-set.js')).href
  );
  const { createSecretEngine } = await import(
    pathToFileURL(path.join(hooks, 'dist/secrets/engine/secret-engine.js')).href
  );
  const require = createRequire(path.join(hooks, 'package.json'));
  // The reference runs with its profiler off: with it on, 28k files would take hours (#1653).
  const profilerPath = createRequire(require.resolve('@secretlint/core/package.json')).resolve(
    '@secretlint/profiler',
  );
  (await import(pathToFileURL(profilerPath).href)).secretLintProfiler.mark = () => {};
  const { lintSource } = await import(pathToFileURL(require.resolve('@secretlint/core')).href);

  const entries = presetRuleEntries();
  const config = { rules: entries.map((e) => ({ id: e.rule.meta.id, rule: e.rule, options: e.options })) };
  const engine = createSecretEngine(entries);
  const pick = ({ ruleId, messageId, message, range, data, docsUrl }) =>
    JSON.stringify({ ruleId, messageId, message, range, data, docsUrl });
  let messages = 0;
  let lintSourceMs = 0;
  let engineMs = 0;
  const differences = [];
  for (const rel of files) {
    const filePath = path.join(treeDir, rel);
    const content = readFileSync(filePath);
    const text = content.toString('utf8');
    let t = performance.now();
    const expected = (
      await lintSource({
        source: { filePath, content: text, ext: path.extname(filePath), contentType: 'text' },
        options: { config, maskSecrets: false },
      })
    ).messages.map(pick);
    lintSourceMs += performance.now() - t;
    t = performance.now();
    const actual = (
      await engine.scan({ content, kind: 'text', filePath, ext: path.extname(filePath) })
    ).messages.map(pick);
    engineMs += performance.now() - t;
    messages += expected.length;
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      // Rule ids and ranges only: messages and data hold the values, and results.json is committed.
      const brief = (list) => list.map((m) => JSON.parse(m)).map((m) => `${m.ruleId} ${m.range.join('-')}`);
      differences.push({ file: rel, expected: brief(expected), actual: brief(actual) });
    }
  }
  return {
    files: files.length,
    messages,
    differences: differences.length,
    firstDifferences: differences.slice(0, 5),
    lintSourceMs: Math.round(lintSourceMs),
    engineMs: Math.round(engineMs),
  };
}
