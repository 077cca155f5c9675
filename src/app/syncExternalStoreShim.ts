/**
 * react-i18next imports useSyncExternalStore from the `use-sync-external-store` shim, written for React
 * versions before 18; with React 19 the shim only hands on React's own hook, yet its fallback code would load
 * with the page. vite.config.ts points the shim here.
 */
export { useSyncExternalStore } from 'react';
