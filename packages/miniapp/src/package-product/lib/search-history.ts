import { STORAGE_KEYS, storage } from '../../platform/storage';

const MAX_HISTORY = 10;

/** The shopper's recent searches on this device, newest first. */
export function readSearchHistory(): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.get(STORAGE_KEYS.searchHistory) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, MAX_HISTORY) : [];
  } catch {
    return [];
  }
}

/** Puts a keyword first (once), keeping the last ten; returns the new list. */
export function rememberSearch(keyword: string): string[] {
  const next = [keyword, ...readSearchHistory().filter((k) => k !== keyword)].slice(0, MAX_HISTORY);
  storage.set(STORAGE_KEYS.searchHistory, JSON.stringify(next));
  return next;
}

export function clearSearchHistory(): void {
  storage.remove(STORAGE_KEYS.searchHistory);
}
