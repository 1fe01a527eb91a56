// Where the secret scan's time goes, rule by rule, on the bench tree (single thread, in-process):
// for each rule, the files whose keywords matched (so it ran), and its time. For rule authors.
//
//   node bench/secrets-speed/rule-costs.mjs [--top 25]

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureTree, repoRoot } from './build-tree.mjs';

export async function ruleCosts({ treeDir, files }) {
  const dist = (p) => pathToFileURL(path.join(repoRoot, 'packages/hooks/dist', p)).href;
  const { defaultSecretRules } = await import(dist('secrets/engine/rule-set.js'));
  // The engine's own set-up (secret-engine.ts): the same prefilter and the same hint per file.
  const { createEnginePrefilter, keywordHint } = await import(dist('secrets/engine/secret-engine.js'));
  const { RuleSourceCode } = await import(dist('secrets/engine/source-code.js'));
  const { createRuleRunner } = await import(dist('secrets/engine/rule-runner.js'));
  const { entries } = defaultSecretRules();
  const prefilter = createEnginePrefilter(entries);
  const runner = createRuleRunner(entries.map((e) => ({ rule: e.rule, options: e.options })));
  const cost = entries.map((e) => ({
    rule: e.rule.meta.id,
    keywordFiles: 0,
    ranFiles: 0,
    ranBytes: 0,
    ms: 0,
    messages: 0,
  }));
  let prefilterMs = 0;
  let decodeMs = 0;
  for (const rel of files) {
    const filePath = path.join(treeDir, rel);
    const bytes = readFileSync(filePath);
    let t = performance.now();
    const found = prefilter.scan(bytes);
    const { candidates, ascii } = found;
    prefilterMs += performance.now() - t;
    if (candidates.length === 0) continue;
    t = performance.now();
    const source = new RuleSourceCode({
      text: bytes.toString(ascii ? 'latin1' : 'utf8'),
      filePath,
      ext: path.extname(rel),
      keywords: keywordHint(prefilter, bytes, found),
    });
    decodeMs += performance.now() - t;
    for (const i of candidates) {
      const c = cost[i];
      c.keywordFiles++;
      if (!(entries[i].gate?.(source.content) ?? true)) continue;
      c.ranFiles++;
      c.ranBytes += bytes.length;
      t = performance.now();
      const messages = await runner.run(source, [i]);
      c.ms += performance.now() - t;
      c.messages += messages.length;
    }
  }
  for (const c of cost) c.ms = Math.round(c.ms);
  return {
    prefilterMs: Math.round(prefilterMs),
    decodeMs: Math.round(decodeMs),
    rules: cost.sort((a, b) => b.ms - a.ms),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { top: { type: 'string', default: '25' } } });
  const treeDir = await ensureTree();
  const files = execFileSync('git', ['ls-files', '-z', '--others', '--exclude-standard'], {
    cwd: treeDir,
    maxBuffer: 1 << 30,
  })
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  const r = await ruleCosts({ treeDir, files });
  console.log(`prefilter ${r.prefilterMs} ms, decode ${r.decodeMs} ms (${files.length} files)`);
  console.log('ms'.padStart(7), 'ran on'.padStart(8), 'MB'.padStart(7), 'msgs'.padStart(6), ' rule');
  for (const c of r.rules.slice(0, Number(values.top))) {
    console.log(
      String(c.ms).padStart(7),
      String(c.ranFiles).padStart(8),
      (c.ranBytes / 1e6).toFixed(1).padStart(7),
      String(c.messages).padStart(6),
      '',
      c.rule,
    );
  }
}
