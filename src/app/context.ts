import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { DraftStore } from './store';

export const StoreContext = createContext<DraftStore | null>(null);

export function useStore(): DraftStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('DraftStore missing');
  return store;
}

/** Subscribes a component to one topic of the store; it re-renders only when `read` returns something new. */
export function useStoreValue<T>(key: string, read: (store: DraftStore) => T): T {
  const store = useStore();
  const subscribe = useCallback((cb: () => void) => store.subscribe(key, cb), [store, key]);
  return useSyncExternalStore(subscribe, () => read(store));
}
