/**
 * zod compiles fast validators with `new Function` when it may. The page's Content-Security-Policy forbids
 * eval, so zod is told not to try (it would otherwise probe, and the browser would report a violation).
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
