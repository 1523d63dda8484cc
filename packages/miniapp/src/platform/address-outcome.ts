import type { ImportAddressResult } from './address';

// Kept out of address.ts: inside address.weapp.ts Taro resolves `./address` to address.weapp.ts itself, so a value
// imported from there would be undefined at run time (type imports are erased, so they are safe).

/** WeChat and Douyin answer in `errMsg` ("chooseAddress:fail cancel", "…fail auth deny", "…fail privacy …"). */
export function outcomeOfErrMsg(errMsg: string): ImportAddressResult {
  if (/cancel/i.test(errMsg)) return { kind: 'cancelled' };
  if (/auth|deny|denied|privacy|permission|authorize/i.test(errMsg)) return { kind: 'denied' };
  return { kind: 'failed' };
}
