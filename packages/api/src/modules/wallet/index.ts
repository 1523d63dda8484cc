export { createWalletParticipant, createWalletService, DEFAULT_WALLET_SETTINGS, WALLET_SETTINGS, type WalletService } from './wallet.service.js';
export { createWalletMemberData } from './wallet.member-data.js';
export { merchantWalletRoutes, walletRoutes } from './wallet.routes.js';
export { balanceShareOfRefund, splitReturn, splitSpend } from './wallet-rules.js';
