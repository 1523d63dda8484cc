import type { ImportAddressResult } from './address';

export type { ImportAddressResult, PlatformAddress } from './address';

/** The browser has no address book: the import button is hidden. */
export const canImportAddress = false;

export const importPlatformAddress = (): Promise<ImportAddressResult> => Promise.resolve({ kind: 'failed' });
