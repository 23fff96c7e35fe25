/**
 * `privgraph policy matrix --out matrix.html` opened in a real headless Chromium (issue #6
 * acceptance): the page renders the role × category table a reviewer reads — a row per role,
 * a cell per category, each coloured by its class — with no script and nothing loaded.
 *
 * The browser is Debian's `chromium` (browser downloads are blocked here), driven by
 * playwright-core with `executablePath`. `.ci/run` installs it; on CI a missing browser is a
 * failure, never a silent skip. Elsewhere without it the test is skipped and says why.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { runPolicy } from '../../src/cli/policy-command';
import { readSourceSamples } from '../../src/cli/policy-sample';
import { ACCESS_COLOURS } from '../../src/core/review/render/html-page';
import { DEMO_MAP } from '../support/gateway-harness';

const CHROMIUM = process.env.PRIVGRAPH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const missing = !existsSync(CHROMIUM);
const onCi = process.env.CI === 'true';
if (missing && !onCi)
  console.warn(
    `policy-matrix-browser: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set PRIVGRAPH_CHROMIUM)`,
  );

/** `#rrggbb` → the `rgb(r, g, b)` a browser reports as the computed colour. */
const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

let dir: string;
let browser: Browser | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'privgraph-matrix-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

(missing && !onCi ? it.skip : it)(
  'matrix --html renders as a colour-coded table in headless Chromium',
  async () => {
    if (missing)
      throw new Error(
        `CI=true but there is no Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium package (apt-get install -y --no-install-recommends chromium)`,
      );
    const out = join(dir, 'matrix.html');
    const lines: string[] = [];
    const code = await runPolicy(
      ['matrix', '--map', DEMO_MAP, '--format', 'html', '--out', out],
      { log: (s) => lines.push(s), error: (s) => lines.push(s) },
      { env: process.env, readSamples: readSourceSamples },
    );
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<table id="category-matrix">');

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const url = pathToFileURL(out).href;
    await page.goto(url);

    expect(await page.title()).toBe('Permission matrix');
    const table = page.locator('#category-matrix');
    expect(await table.isVisible()).toBe(true);

    const categories = await table.locator('thead th.category').allTextContents();
    expect(categories).toContain('user.contact.email');
    const roles = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        role: row.getAttribute('data-role'),
        cells: row.querySelectorAll('td').length,
      })),
    );
    expect(roles.map((r) => r.role)).toEqual([
      'dpo',
      'support-agent',
      'security-analyst',
      'marketing-app',
      'analytics-app',
    ]);
    for (const row of roles) expect(row.cells).toBe(categories.length);

    const colourOf = (selector: string) =>
      table
        .locator(selector)
        .first()
        .evaluate((cell) => cell.ownerDocument.defaultView?.getComputedStyle(cell).backgroundColor);
    expect(await colourOf('td.allow')).toBe(rgb(ACCESS_COLOURS.allow));
    expect(await colourOf('td.deidentified')).toBe(rgb(ACCESS_COLOURS.deidentified));
    expect(await colourOf('td.deny:not(.not-collected)')).toBe(rgb(ACCESS_COLOURS.deny));
    expect(await colourOf('td.deny.not-collected')).toBe(rgb(ACCESS_COLOURS.notCollected));

    const agentEmail = table.locator(
      'tr[data-role="support-agent"] td[data-category="user.contact.email"]',
    );
    expect(await agentEmail.getAttribute('class')).toBe('access deidentified');
    expect((await agentEmail.textContent())?.trim()).toBe('mask');
    expect(await page.locator('ul.legend li').count()).toBe(4);

    // self-contained: the page itself is the only thing loaded, and nothing failed
    expect(requested).toEqual([url]);
    expect(problems).toEqual([]);
  },
);
