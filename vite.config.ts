import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * The built page's Content-Security-Policy: scripts only from the app's own files (no inline script, no eval),
 * no connection to any other origin, no plugins, no base or form redirection. Styles may be inline: the
 * report preview is a standalone HTML page with its own stylesheet. Added to the build only, since the dev
 * server injects an inline script of its own.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The development server sends the same policy as a header. Its only difference is what development itself
 * needs: the inline script it injects (React's refresh preamble) carries a nonce made at start, which the
 * policy names. Its live-reload socket is on the page's own origin, which 'self' already allows.
 */
const DEV_NONCE = randomBytes(16).toString('base64');
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' 'nonce-${DEV_NONCE}'`);

function contentSecurityPolicy(): Plugin {
  return {
    name: 'nianbao-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

// A relative base lets the built app run from any static folder (an intranet share, a file server).
export default defineConfig(({ command }) => ({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    alias: [
      { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: fileURLToPath(new URL('./src/app/syncExternalStoreShim.ts', import.meta.url)) },
    ],
  },
  ...(command === 'serve' ? { html: { cspNonce: DEV_NONCE } } : {}),
  server: { headers: { 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
  // `npm start` serves the built page: the policy is in the page itself, and sent as a header too.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  build: { target: 'es2022', sourcemap: false },
  // The import worker as a module, so PDF.js stays a chunk of its own, loaded only when a PDF is opened.
  worker: { format: 'es' as const },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // Two cores on CI machines: keep parallelism modest, and give a loaded machine time (tests wait on
    // conditions, never on the clock: a timeout only ends a test that hangs).
    maxWorkers: 2,
    testTimeout: 30_000,
  },
}));
