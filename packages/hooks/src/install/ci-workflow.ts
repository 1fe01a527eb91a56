import type { DetectedPackageManager } from './detect-package-manager.js';

/**
 * GitHub Actions used by the workflow, pinned by full commit SHA (a tag can be moved to other
 * code; a commit cannot). Each SHA was read from the action's own repository: the commit its
 * release tag points at (annotated tags dereferenced). Update them together with a release.
 */
export const ACTION_PINS = {
  checkout: { uses: 'actions/checkout', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  setupNode: {
    uses: 'actions/setup-node',
    sha: '820762786026740c76f36085b0efc47a31fe5020',
    version: 'v7.0.0',
  },
  uploadSarif: {
    uses: 'github/codeql-action/upload-sarif',
    sha: '8aad20d150bbac5944a9f9d289da16a4b0d87c1e',
    version: 'v4.36.2',
  },
} as const;

export const WORKFLOW_PATH = '.github/workflows/seckit.yml';
export const WORKFLOW_MARKER = '# Managed by sec-init (npx sec-init --ci github).';

/** A GitHub Actions expression, `${{ … }}` (built, so it is never mistaken for a JS template). */
const expr = (body: string) => `$${'{{'} ${body} }}`;

const pin = (action: (typeof ACTION_PINS)[keyof typeof ACTION_PINS]) =>
  `${action.uses}@${action.sha} # ${action.version}`;

export interface WorkflowOptions {
  packageManager: DetectedPackageManager;
  /** The exact package manager version to run in CI (from `packageManager`, else the local one). */
  packageManagerVersion: string | undefined;
  /** The folder with package.json, relative to the repository root (`''` at the root). */
  installRel: string;
  /** The branch pushes are scanned on. */
  defaultBranch: string;
}

/**
 * The install step, from the lockfile only and without install scripts (seckit needs none; a
 * compromised dependency's postinstall gets no CI token). Package managers other than npm are run
 * at their exact version through npx rather than through a third-party setup action.
 */
function installCommand({ packageManager, packageManagerVersion }: WorkflowOptions): string {
  const at = (name: string, fallback: string) => `npx --yes ${name}@${packageManagerVersion ?? fallback}`;
  switch (packageManager.name) {
    case 'npm':
      return 'npm ci --ignore-scripts --no-audit --no-fund';
    case 'pnpm':
      return `${at('pnpm', '10')} install --frozen-lockfile --ignore-scripts`;
    case 'yarn':
      return packageManager.berry
        ? 'corepack enable && yarn install --immutable --mode=skip-build'
        : `${at('yarn', '1.22.22')} install --frozen-lockfile --ignore-scripts --non-interactive`;
    case 'bun':
      return `${at('bun', '1')} install --frozen-lockfile --ignore-scripts`;
  }
}

/**
 * `.github/workflows/seckit.yml`: the CI backstop for commits made with `--no-verify` or from
 * clones without the hook. It scans the whole tree on pushes and pull requests, and on pull
 * requests also what the pull request's commits add (`--diff <base>`), and uploads both as SARIF
 * to code scanning, each under its own category (`seckit/full/`, `seckit/diff/`), so one upload
 * never replaces the other.
 */
export function workflowText(options: WorkflowOptions): string {
  const dir = options.installRel === '' ? '' : `${options.installRel}/`;
  const seckit = `node ${dir}node_modules/@seckit/hooks/bin/seckit.js`;
  const workingDirectory =
    options.installRel === '' ? [] : [`        working-directory: ${options.installRel}`];
  return [
    WORKFLOW_MARKER,
    '# Remove the line above to keep your own edits: sec-init then leaves this file alone.',
    'name: seckit',
    '',
    'on:',
    '  push:',
    `    branches: [${JSON.stringify(options.defaultBranch)}]`,
    '  pull_request:',
    '',
    'permissions:',
    '  contents: read',
    '',
    'jobs:',
    '  seckit:',
    '    name: seckit (secrets, dependency pins, risky files)',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      security-events: write # upload SARIF to code scanning',
    '    env:',
    "      HUSKY: '0' # no git hooks in CI",
    '    steps:',
    `      - uses: ${pin(ACTION_PINS.checkout)}`,
    '        with:',
    '          fetch-depth: 0 # --diff needs the pull request commits and their base',
    '          persist-credentials: false',
    `      - uses: ${pin(ACTION_PINS.setupNode)}`,
    '        with:',
    '          node-version: 22',
    '      - name: Install dependencies (lockfile only, no install scripts)',
    ...workingDirectory,
    `        run: ${installCommand(options)}`,
    '      - name: Scan the whole tree',
    `        run: ${seckit} scan --format sarif --output seckit-full.sarif`,
    '      - name: Scan what the pull request adds',
    `        if: ${expr("!cancelled() && github.event_name == 'pull_request'")}`,
    `        run: ${seckit} scan --diff "${expr('github.event.pull_request.base.sha')}" --format sarif --output seckit-diff.sarif`,
    '      - name: Upload the tree scan to code scanning',
    `        if: ${expr("!cancelled() && hashFiles('seckit-full.sarif') != ''")}`,
    `        uses: ${pin(ACTION_PINS.uploadSarif)}`,
    '        with:',
    '          sarif_file: seckit-full.sarif',
    '      - name: Upload the pull request scan to code scanning',
    `        if: ${expr("!cancelled() && hashFiles('seckit-diff.sarif') != ''")}`,
    `        uses: ${pin(ACTION_PINS.uploadSarif)}`,
    '        with:',
    '          sarif_file: seckit-diff.sarif',
    '',
  ].join('\n');
}
