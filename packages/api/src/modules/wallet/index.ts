export {
  createGiftCardsOrderParticipant,
  createWalletParticipant,
  createWalletService,
  walletSettingsReader,
  DEFAULT_WALLET_SETTINGS,
  WALLET_SETTINGS,
  type WalletService,
} from './wallet.service.js';
export { createWalletMemberData } from './wallet.member-data.js';
export { merchantWalletRoutes, walletRoutes } from './wallet.routes.js';
export { balanceShareOfRefund, splitReturn, splitSpend } from './wallet-rules.js';
export { createGiftCardsParticipant, createGiftCardsService, type GiftCardsService } from './gift-cards.service.js';
export { giftCardRoutes, merchantGiftCardRoutes } from './gift-cards.routes.js';
export { startGiftCardReturnJob } from './gift-card-return.job.js';
export { createCounterService, type CounterService } from './counter.service.js';
export { memberCodeRoutes, merchantCounterRoutes } from './counter.routes.js';
