import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/chromium.js';
import { bytesOf, workspace } from './helpers/cli.js';
import { finding, seckitReport } from './helpers/reports.js';
import { ingestScenario } from './helpers/scenario.js';

// Text a hostile repository could put in a message, a path or a name: each must show as text.
const HOSTILE_MESSAGE =
  '<img src=x onerror="window.__pwned=1"> </script><script>window.__pwned=2</script> & "quotes"';
const HOSTILE_PATH = 'src/<b>bold</b>/x.ts';
const HOSTILE_REPO = '<svg onload="window.__pwned=3">';
const HOSTILE_SECRET_NAME = 'Key <script>window.__pwned=4</script>';

async function build(): Promise<{ file: string; html: string }> {
  const ws = workspace();
  ws.write('.seckit/policy.json', {
    targets: { maxOpen: { high: 0 } },
    rotation: {
      secrets: [
        {
          name: HOSTILE_SECRET_NAME,
          kind: 'api-key',
          owner: 'sec <team>',
          lastRotated: '2025-01-01',
          intervalDays: 90,
        },
      ],
    },
  });
  await ingestScenario(ws);
  // Enough findings for two pages of the table (100 per page).
  const many = Array.from({ length: 130 }, (_, i) =>
    finding({
      path: `bulk/file-${String(i).padStart(3, '0')}.ts`,
      content: `bulk-${i}`,
      severity: (['high', 'medium', 'low'] as const)[i % 3],
      message: `Bulk finding ${i}`,
    }),
  );
  ws.write(
    'bulk.json',
    seckitReport({ repository: 'bulk', findings: many, createdAt: '2026-02-20T00:00:00Z' }),
  );
  ws.write(
    'hostile.json',
    seckitReport({
      findings: [
        finding({ path: HOSTILE_PATH, content: 'hostile', severity: 'critical', message: HOSTILE_MESSAGE }),
      ],
      createdAt: '2026-03-01T00:00:00Z',
    }),
  );
  await ws.run('ingest', 'bulk.json');
  await ws.run('ingest', 'hostile.json', '--repository', HOSTILE_REPO);
  const r = await ws.run('html', '--output', 'dash/report.html');
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(
    /^dash\/report\.html: dashboard written \(0\.\d MB, 139 findings, \d+ targets missed\)\n$/,
  );
  const file = path.join(ws.dir, 'dash/report.html');
  return { file, html: bytesOf(file) };
}

describe('HTML dashboard in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let html: string;
  let file: string;
  const requests: string[] = [];
  const problems: string[] = [];
  let openMs = 0;

  beforeAll(async () => {
    const built = await build();
    html = built.html;
    file = built.file;
    context = await launchChromium();
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const started = performance.now();
    await page.goto(pathToFileURL(built.file).href);
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 5_000 });
    openMs = performance.now() - started;
  });

  afterAll(async () => {
    await context?.close();
  });

  const rows = () => page.locator('#findings-table tbody tr');
  const column = (n: number) =>
    page.$$eval(`#findings-table tbody tr td:nth-child(${n})`, (cells) =>
      cells.map((c) => c.textContent ?? ''),
    );

  it('renders offline: its script runs under the CSP, nothing is fetched, no errors', async () => {
    expect(openMs).toBeLessThan(2_000);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.title()).toContain('sec-report');
    expect(await page.locator('svg[role="img"]').count()).toBe(4);
    expect(await page.locator('#gate').textContent()).toContain('missed');
    expect(await rows().count()).toBe(100);
    // By default the table shows what is not fixed: 136 of the 139 findings.
    expect(await page.locator('#findings-count').textContent()).toBe('136 of 139 findings');
    expect(await page.locator('#page-info').textContent()).toBe('page 1 of 2');
    await page.click('#page-next');
    expect(await rows().count()).toBe(36);
    await page.click('#page-prev');
  });

  it('shows hostile messages, paths and names as text, and runs none of them', async () => {
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await page.fill('#filter-text', 'onerror');
    expect(await rows().count()).toBe(1);
    expect(await page.locator('#findings-table tbody td.finding .msg').textContent()).toBe(HOSTILE_MESSAGE);
    expect(await page.locator('#findings-table tbody td.loc').textContent()).toBe(`${HOSTILE_PATH}:3`);
    expect(await page.locator('#findings-table tbody td.repo').textContent()).toBe(HOSTILE_REPO);
    // No element was made from the data: no img, no injected script, no svg from the repository name.
    expect(await page.locator('main img, main b, #findings-table svg').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('#rotation td').first().textContent()).toBe(HOSTILE_SECRET_NAME);
    expect(await page.locator('#filter-repository option', { hasText: HOSTILE_REPO }).count()).toBe(1);
    const chartLabels = await page.$$eval('svg text', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(chartLabels.some((t) => t.includes('<svg'))).toBe(true);
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    // In the file itself every such string is escaped or JSON-escaped.
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<svg onload');
    await page.fill('#filter-text', '');
  });

  it('its Content Security Policy would stop a script that slipped in anyway', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { tempDir } = await import('@seckit/vitest-config/test-utils');
    const tampered = path.join(tempDir('sec-report-tampered-'), 'tampered.html');
    writeFileSync(
      tampered,
      readFileSync(file, 'utf8').replace(
        '</main>',
        '</main><script>window.__pwned=9</script><img src="https://example.invalid/x.png">',
      ),
    );
    const other = await context.newPage();
    const blocked: string[] = [];
    other.on('console', (m) => blocked.push(m.text()));
    await other.goto(pathToFileURL(tampered).href);
    await other.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 5_000 });
    expect(
      await other.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(blocked.join('\n')).toContain('Content Security Policy');
    await other.close();
  });

  it('filters by text, severity, state, repository and past-SLA', async () => {
    await page.fill('#filter-text', 'file-01');
    expect(await page.locator('#findings-count').textContent()).toBe('10 of 139 findings');
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-severity', { label: 'critical' });
    expect(new Set(await column(1))).toEqual(new Set(['critical']));
    expect(await rows().count()).toBe(2);
    await page.selectOption('#filter-severity', { label: 'all severities' });
    await page.selectOption('#filter-state', 'fixed');
    expect((await column(2)).sort()).toEqual(['fixed', 'fixed', 'fixed']);
    await page.selectOption('#filter-state', 'active');
    await page.selectOption('#filter-repository', { label: 'api' });
    expect(await column(4)).toEqual(['api']);
    await page.selectOption('#filter-repository', { label: 'all repositories' });
    await page.check('#filter-breached');
    const sla = await column(6);
    expect(sla.length).toBeGreaterThan(0);
    expect(sla.every((s) => s.startsWith('overdue'))).toBe(true);
    await page.uncheck('#filter-breached');
    expect(await page.locator('#findings-count').textContent()).toBe('136 of 139 findings');
  });

  it('sorts by a column, both ways, and says so to assistive technology', async () => {
    const header = page.locator('#findings-table th[data-sort="age"]');
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const oldestFirst = (await column(7)).map((t) => Number.parseInt(t, 10));
    expect(oldestFirst).toEqual([...oldestFirst].sort((a, b) => b - a));
    expect(oldestFirst[0]).toBe(121);
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const newestFirst = (await column(7)).map((t) => Number.parseInt(t, 10));
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => a - b));
    await page.locator('#findings-table th[data-sort="severity"] button').click();
    const severities = await column(1);
    expect(severities[0]).toBe('critical');
    expect(severities.at(-1)).not.toBe('critical');
    // A server-rendered table sorts too (numbers by value).
    const reposTable = page.locator('#repositories table');
    await reposTable.locator('th', { hasText: 'low' }).locator('button').click();
    const lows = await reposTable.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(lows.map(Number)).toEqual([...lows.map(Number)].sort((a, b) => a - b));
  });
});
