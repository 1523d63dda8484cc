import type { ImportAddressResult } from './address';

export type { ImportAddressResult, PlatformAddress } from './address';

/**
 * Alipay: my.getAddress. `resultStatus` '9000' with `result` { fullname, mobilePhone, prov, city, area, street,
 * address }; '6001' is the shopper's cancel; anything else (an app without the capability, a refused authorisation)
 * is a denial or a failure.
 */
export const canImportAddress = true;

interface AlipayAddressResult {
  resultStatus?: string | number;
  result?: { fullname?: string; mobilePhone?: string; prov?: string; city?: string; area?: string; street?: string; address?: string };
}

export function importPlatformAddress(): Promise<ImportAddressResult> {
  return new Promise((resolve) => {
    my.getAddress({
      success: (res: AlipayAddressResult) => {
        const status = String(res.resultStatus ?? '');
        const r = res.result;
        if (status === '9000' && r) {
          const street = r.street ?? '';
          const address = r.address ?? '';
          resolve({
            kind: 'ok',
            address: {
              name: r.fullname ?? '',
              phone: r.mobilePhone ?? '',
              province: r.prov ?? '',
              city: r.city ?? '',
              district: r.area ?? '',
              detail: street && !address.startsWith(street) ? `${street}${address}` : address,
            },
          });
        } else resolve(status === '6001' ? { kind: 'cancelled' } : { kind: 'denied' });
      },
      fail: (err: { error?: number; errorMessage?: string }) => {
        // 11: the shopper refused; 2001/2002/2003: the authorisation was refused or cannot be asked.
        const code = Number(err?.error);
        if (code === 11 || (code >= 2001 && code <= 2003) || /权限|授权|deny|auth/i.test(err?.errorMessage ?? '')) resolve({ kind: 'denied' });
        else if (/cancel|取消/i.test(err?.errorMessage ?? '')) resolve({ kind: 'cancelled' });
        else resolve({ kind: 'failed' });
      },
    });
  });
}
