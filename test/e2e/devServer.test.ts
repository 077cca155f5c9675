/**
 * `npm start` (the development server) sends the build's Content-Security-Policy, differing only by the nonce of
 * its own injected script, and the page works under it: no violation, the form is drawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launch, watchCsp } from './browser';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';

let server: ViteDevServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    server: { host: '127.0.0.1', port: 0 },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer!.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the development server', () => {
  it('sends the build’s policy (plus the nonce of its own script) and the page runs under it', async () => {
    const response = await fetch(`${origin}/`);
    const policy = response.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy.replace(` 'nonce-${nonce}'`, '')).toBe(CONTENT_SECURITY_POLICY);
    const html = await response.text();
    // Every inline script the server injects carries the nonce.
    for (const tag of html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);

    const context = await browser.newContext();
    const violations = await watchCsp(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/`);
    await page.getByLabel('机关名称').waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
