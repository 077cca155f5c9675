/**
 * zod compiles fast validators with `new Function` when it may. The page's Content-Security-Policy forbids
 * eval, so zod is told not to try (it would otherwise probe, and the browser would report a violation).
 */
import { z } from 'zod';

z.config({ jitless: true });
