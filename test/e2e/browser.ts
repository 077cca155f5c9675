/** Shared set-up for end-to-end tests: the built app on a local static server, and Debian's Chromium. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Builds the app once into a temporary folder and serves it the way an intranet file server would. */
export async function buildAndServe(): Promise<Served> {
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-dist-'));
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  return serveDir(outDir);
}

/** A folder served on a free local port, as a plain static file server would. */
export async function serveDir(outDir: string): Promise<Served> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Collects Content-Security-Policy violations of every page in a context: a build that needs an inline script
 * or eval would show up here.
 */
export async function watchCsp(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction('__reportCspViolation', (v: string) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (npm test does so when run as root)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The built app served and Chromium launched for the tests of one file, closed after them. */
export function servedApp(): { readonly served: Served; readonly browser: Browser } {
  const state: { served?: Served; browser?: Browser } = {};
  beforeAll(async () => {
    state.served = await buildAndServe();
    state.browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.served?.close();
  });
  return {
    get served() {
      return state.served!;
    },
    get browser() {
      return state.browser!;
    },
  };
}

/** A fresh page on the 2021 format: the year set to 2024 and the format followed. */
export async function start2021(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('报告年度').fill('2024');
  await expect.poll(() => page.getByLabel('报告格式').inputValue()).toBe('gb-2021');
}

/** Pastes text into the focused element as a clipboard paste would (a block copied from a spreadsheet). */
export async function pasteIntoFocused(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** What the browser's accessibility tree gives a screen reader as the description of the text box named `name`. */
export async function accessibleDescription(page: Page, name: string): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; description?: { value?: string } }[];
    };
    return nodes.find((n) => n.role?.value === 'textbox' && n.name?.value === name)?.description?.value;
  } finally {
    await cdp.detach();
  }
}
