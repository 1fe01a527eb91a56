import { posix } from 'node:path';
import type { DependencyType, Severity } from '@seckit/core';
import type { DepsContext } from '../context.js';
import { dirOf } from '../paths.js';
import { mustPin } from '../pin-policy.js';
import { DEPS_RULES } from '../rules.js';
import { displayUrl, parseUrl } from '../safe-url.js';
import { type Classification, describeClass } from '../specifier/classes.js';
import { classifyPep508, normalizePythonName, parsePep508 } from '../specifier/pep508.js';
import { classifyPythonUrl, hashStrength } from '../specifier/python-url.js';
import type { Span } from '../text-place.js';
import { displaySpec } from './display-spec.js';
import { parseRequirements, type ReqLine } from './requirements.js';

/** Files for development only (tests, linting, docs) hold `pythonDev` dependencies. */
export function requirementsType(path: string): DependencyType {
  return /(^|[-_./])(dev|develop|development|test|tests|testing|lint|linting|docs?|ci|typing)([-_./]|$)/i.test(
    path.replace(/\.txt$/i, ''),
  )
    ? 'pythonDev'
    : 'python';
}

interface Collected {
  path: string;
  line: ReqLine;
  constraint: boolean;
}

interface Judged {
  path: string;
  line: Extract<ReqLine, { kind: 'requirement' }>;
  name: string;
  classification: Classification;
}

/**
 * One requirements file and everything it includes (`-r`, and `-c` as constraints; a cycle guard
 * stops loops), judged as pip would install it: pins, hash-checking mode (all-or-nothing across
 * the whole set, weak algorithms refused), VCS refs, hashed URLs, and the indexes it trusts.
 */
export async function judgeRequirements(ctx: DepsContext, root: string): Promise<void> {
  const collected: Collected[] = [];
  await visit(ctx, root, false, new Set(), collected);
  const requirements = collected.filter(
    (c): c is Collected & { line: { kind: 'requirement' } } => c.line.kind === 'requirement',
  );
  const options = collected.filter((c) => c.line.kind === 'option');
  const optionNames = new Set(options.map((o) => (o.line.kind === 'option' ? o.line.option.text : '')));
  const anyHash = requirements.some(
    (r) => !r.constraint && r.line.kind === 'requirement' && r.line.hashes.length > 0,
  );
  const hashMode =
    !optionNames.has('--no-require-hashes') && (anyHash || optionNames.has('--require-hashes'));

  const constraints = new Map<string, { path: string; line: number }>();
  const judged: Judged[] = [];
  for (const r of requirements) {
    if (r.line.kind !== 'requirement') continue;
    const { name, classification } = classifyRequirementLine(r.line);
    if (r.constraint) {
      if (classification.verdict === 'pinned')
        constraints.set(normalizePythonName(name), { path: r.path, line: r.line.line });
      continue;
    }
    judged.push({ path: r.path, line: r.line, name, classification });
  }
  const fullyHashed = judged.every((j) => j.line.hashes.length > 0 || j.classification.cls === 'url-hashed');

  for (const j of judged) {
    let c = j.classification;
    const pinnedBy = constraints.get(normalizePythonName(j.name));
    if (c.verdict === 'unpinned' && c.cls === 'range' && pinnedBy !== undefined) {
      c = { ...c, verdict: 'pinned', detail: `${c.detail}, pinned by ${pinnedBy.path}:${pinnedBy.line}` };
    }
    await reportRequirement(ctx, j, c, hashMode);
  }
  for (const o of options) {
    if (o.line.kind === 'option') await reportOption(ctx, o.path, o.line, fullyHashed && hashMode);
  }
}

async function visit(
  ctx: DepsContext,
  path: string,
  constraint: boolean,
  seen: Set<string>,
  out: Collected[],
): Promise<void> {
  seen.add(path);
  const text = await ctx.text(path);
  if (text === undefined) return;
  for (const line of parseRequirements(text)) {
    if (line.kind !== 'include' && line.kind !== 'constraint') {
      out.push({ path, line, constraint });
      continue;
    }
    const target = line.target?.text;
    if (target === undefined) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
      await ctx.report({
        rule: DEPS_RULES.pythonUnpinned,
        path,
        span: line.target?.span,
        message: `${line.option.text} ${displayUrl(target)} reads requirements from a URL: whoever serves it decides what gets installed`,
        fix: 'Commit the file into the repository and include it by path.',
        key: `include\0${target}`,
        properties: { ecosystem: 'pypi', specifierClass: 'include', verdict: 'unpinned' },
      });
      continue;
    }
    const resolved = posix.normalize(posix.join(dirOf(path), target.replace(/\\/g, '/')));
    if (resolved.startsWith('../') || resolved === '..' || posix.isAbsolute(target)) {
      await ctx.report({
        rule: DEPS_RULES.manifestUnreadable,
        path,
        span: line.target?.span,
        message: `${line.option.text} ${target} points outside the repository: those requirements were not checked`,
        fix: 'Keep included requirement files inside the repository.',
        key: `include\0${target}`,
      });
      continue;
    }
    if (seen.has(resolved)) continue; // include cycles are pip's problem; not ours to loop on
    if ((await ctx.text(resolved)) === undefined) {
      await ctx.report({
        rule: DEPS_RULES.manifestUnreadable,
        path,
        span: line.target?.span,
        message: `${line.option.text} ${target}: ${resolved} does not exist${ctx.input.scope === 'staged' ? ' in what is staged' : ''}, so pip fails and nothing in it was checked`,
        fix: `Add ${resolved} (and stage it), or fix the path.`,
        key: `include\0${target}`,
      });
      continue;
    }
    await visit(ctx, resolved, constraint || line.kind === 'constraint', seen, out);
  }
}

/** Name and class of one requirement line (PEP 508, URL, path, `-e`). */
export function classifyRequirementLine(line: Extract<ReqLine, { kind: 'requirement' }>): {
  name: string;
  classification: Classification;
} {
  const text = line.req.text;
  // A URL, a path, or an archive file name: pip installs those directly, not from an index.
  const direct =
    /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ||
    /^(\.|\/|~|[a-z]:[\\/])/i.test(text) ||
    (!/\s/.test(text) && /\.(whl|tar\.gz|zip|tar\.bz2|tgz)$/i.test(text.replace(/[#?].*$/, '')));
  if (direct) {
    const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(text)?.[1];
    const file = text.replace(/[#?].*$/, '').replace(/\/$/, '');
    const name = egg ?? file.slice(file.lastIndexOf('/') + 1).replace(/[-_]\d.*$/, '');
    const c = classifyPythonUrl(text);
    if (line.editable && (c.cls === 'directory' || c.cls === 'file')) {
      return {
        name,
        classification: { cls: 'editable', verdict: 'not-applicable', detail: 'editable local project' },
      };
    }
    return { name, classification: c };
  }
  const req = parsePep508(text);
  if (req === undefined)
    return {
      name: text,
      classification: { cls: 'invalid', verdict: 'unpinned', detail: 'not a requirement pip can read' },
    };
  return { name: req.name, classification: classifyPep508(req) };
}

async function reportRequirement(
  ctx: DepsContext,
  j: Judged,
  c: Classification,
  hashMode: boolean,
): Promise<void> {
  const type = requirementsType(j.path);
  const pkg = normalizePythonName(j.name);
  const spec = displaySpec(j.line.req.text);
  const properties = {
    ecosystem: 'pypi',
    dependencyType: type,
    package: pkg,
    specifier: spec,
    specifierClass: c.cls,
    verdict: c.verdict,
  };
  const span: Span = j.line.req.span;
  const common = { path: j.path, pkg, type, python: true, properties };
  if (c.insecure === true) {
    await ctx.report({
      ...common,
      span,
      rule: DEPS_RULES.insecureDependencyUrl,
      message: `${j.name}: "${spec}" is fetched over an unencrypted connection: anyone on the network path can change what gets installed`,
      fix: 'Use an https (or git+https / git+ssh) URL.',
      key: `${type}\0${pkg}\0insecure`,
    });
  }
  if (c.weakHash !== undefined) {
    await ctx.report({
      ...common,
      span,
      rule: DEPS_RULES.pythonWeakHash,
      message: `${j.name}: the URL is pinned by ${c.weakHash}, which can be forged`,
      fix: 'Use a #sha256= hash of the archive.',
      key: `${type}\0${pkg}\0url-${c.weakHash}`,
    });
  }
  if (c.verdict === 'unpinned' && mustPin(ctx.policy, type)) {
    await ctx.report({
      ...common,
      span,
      rule: DEPS_RULES.pythonUnpinned,
      message: `${j.name}: "${spec}" is not one exact version (${c.detail}; class ${describeClass(c)})`,
      fix:
        c.cls === 'git-ref'
          ? 'Pin it to a full commit id (…@<40-hex commit>); branches and tags move.'
          : c.cls === 'url'
            ? 'Add the archive hash to the URL (#sha256=<hash>).'
            : `Pin it with == (e.g. ${j.name}==<version>); \`pip-compile --generate-hashes\` or \`uv pip compile --generate-hashes\` writes pins and hashes for the whole set.`,
      key: `${type}\0${pkg}\0${c.cls}`,
    });
  }
  for (const hash of j.line.hashes) {
    const strength = hashStrength(hash.alg);
    if (strength === 'strong') continue;
    await ctx.report({
      ...common,
      span: hash.span,
      rule: DEPS_RULES.pythonWeakHash,
      message: `${j.name}: --hash=${hash.alg || '(no algorithm)'}:… is ${strength === 'weak' ? 'a weak algorithm pip refuses' : 'not an algorithm pip accepts'}`,
      fix: 'Use sha256 (what PyPI publishes): regenerate with `pip-compile --generate-hashes`.',
      key: `${type}\0${pkg}\0hash-${hash.alg}`,
    });
  }
  if (hashMode && j.line.hashes.length === 0 && c.cls !== 'url-hashed') {
    const cannot =
      c.cls === 'git-commit' || c.cls === 'git-ref' || c.cls === 'editable' || c.cls === 'directory';
    await ctx.report({
      ...common,
      span,
      rule: DEPS_RULES.pythonHashMissing,
      message: cannot
        ? `${j.name}: pip is in hash-checking mode (another line has --hash) and refuses ${c.cls === 'editable' ? 'editable installs' : c.cls === 'directory' ? 'local folders' : 'version-control requirements'}, which cannot be hashed`
        : `${j.name} has no --hash while other lines do: pip's hash-checking mode is all-or-nothing, so the install fails`,
      fix: cannot
        ? 'Move it to a separate requirements file installed without hashes, or add --no-require-hashes (pip 26.2+) to verify only the lines that have them.'
        : 'Add its --hash=sha256:… (regenerate the whole file with `pip-compile --generate-hashes`).',
      key: `${type}\0${pkg}\0no-hash`,
    });
  }
}

async function reportOption(
  ctx: DepsContext,
  path: string,
  line: Extract<ReqLine, { kind: 'option' }>,
  protectedByHashes: boolean,
): Promise<void> {
  const option = line.option.text;
  const value = line.value?.text;
  const span = line.value?.span ?? line.option.span;
  const properties = { ecosystem: 'pypi', option };
  if (
    (option === '--index-url' || option === '--extra-index-url' || option === '--find-links') &&
    value !== undefined
  ) {
    const url = parseUrl(value);
    if (url !== undefined && url.protocol === 'http:') {
      await ctx.report({
        rule: DEPS_RULES.pythonInsecureIndex,
        path,
        span,
        message: `${option} ${displayUrl(value)} is plain http: packages and their index pages can be swapped in transit`,
        fix: 'Use https for the index.',
        key: `${option}\0${url.host}\0http`,
        properties,
      });
    }
  }
  if (option === '--extra-index-url' && value !== undefined) {
    const severity: Severity = protectedByHashes ? 'medium' : DEPS_RULES.pythonExtraIndex.severity;
    await ctx.report({
      rule: { ...DEPS_RULES.pythonExtraIndex, severity },
      path,
      span,
      message: `--extra-index-url ${displayUrl(value)}: pip takes the best version from any index, so anyone can publish a same-named package on PyPI and win (dependency confusion)${protectedByHashes ? '; every line is hashed, which limits the damage' : ''}`,
      fix: 'Serve everything through one index (--index-url pointing at a proxy of PyPI and your packages), or pin every requirement with --hash.',
      key: `${option}\0${parseUrl(value)?.host ?? value}`,
      properties,
    });
  }
  if (option === '--trusted-host') {
    await ctx.report({
      rule: DEPS_RULES.pythonTrustedHost,
      path,
      span,
      message: `--trusted-host ${value ?? ''} turns off certificate checks for that host: pip accepts whatever answers`,
      fix: 'Remove --trusted-host and give the host a valid certificate (or your CA bundle via PIP_CERT).',
      key: `${option}\0${value ?? ''}`,
      properties,
    });
  }
}
