/**
 * Importing the shopper's address from the super-app's own address book. Taro picks address.weapp.ts /
 * address.alipay.ts / address.tt.ts / address.h5.ts at build time; each exports `canImportAddress` and
 * `importPlatformAddress` of these types. This file is the interface and the fallback for any other target.
 *
 * The result only fills the form: the shopper confirms and saves it, and the region names are matched to our data
 * set by the page (the API checks them again).
 */
export interface PlatformAddress {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

export type ImportAddressResult =
  | { kind: 'ok'; address: PlatformAddress }
  /** The shopper closed the sheet: nothing to say. */
  | { kind: 'cancelled' }
  /** The shopper (or the platform's privacy settings) refused access to the address book. */
  | { kind: 'denied' }
  | { kind: 'failed' };

/** Whether this build has an address book to import from (the browser has none). */
export const canImportAddress: boolean = false;

export const importPlatformAddress = (): Promise<ImportAddressResult> => Promise.resolve({ kind: 'failed' });
