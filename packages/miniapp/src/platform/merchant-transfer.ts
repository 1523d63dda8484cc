import { TARGET } from '../env';

/**
 * The member confirms a payout in the super-app (WeChat 商家转账: wx.requestMerchantTransfer with the server's
 * package_info). Taro picks merchant-transfer.weapp.ts at build time; elsewhere payouts need no confirmation in the
 * client, and this fallback says so. The outcome is a hint: the withdrawal's status on the server decides.
 */
export type MerchantTransferOutcome = 'confirmed' | 'cancelled' | 'failed' | 'unsupported';

export interface MerchantTransferRequest {
  packageInfo: string;
}

export type ConfirmMerchantTransfer = (req: MerchantTransferRequest) => Promise<MerchantTransferOutcome>;

export const confirmMerchantTransfer: ConfirmMerchantTransfer = async () => (TARGET === 'weapp' ? 'failed' : 'unsupported');
