/**
 * The service's URL and the user's token: stored per user in the pane's own origin storage,
 * never in the workbook (a workbook is shared; a token is not).
 */
export interface SyncSettings {
  serverUrl: string;
  token: string;
}

/** The part of `Storage` the pane uses, so tests can pass a stand-in. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'saiken.settings.v1';

export function defaultStorage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled by policy
  }
}

export function loadSettings(storage: KeyValueStore | null): SyncSettings {
  try {
    const v = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<SyncSettings>;
    return {
      serverUrl: typeof v.serverUrl === 'string' ? v.serverUrl : '',
      token: typeof v.token === 'string' ? v.token : '',
    };
  } catch {
    return { serverUrl: '', token: '' };
  }
}

export function saveSettings(storage: KeyValueStore | null, s: SyncSettings): void {
  storage?.setItem(KEY, JSON.stringify({ serverUrl: s.serverUrl.trim(), token: s.token.trim() }));
}

export const isConfigured = (s: SyncSettings) => s.serverUrl.trim() !== '' && s.token.trim() !== '';
