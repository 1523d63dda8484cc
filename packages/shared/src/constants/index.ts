/**
 * The closed lists (as `as const` arrays) and the stated limits of the contracts, without zod: the contracts build
 * their schemas from these, and the mini-program imports them from `@siyu/shared/constants` instead of copying them
 * (its bundle must not carry zod). One file per domain, so a bundle takes only the files it uses.
 */
export * from './catalog.js';
export * from './addresses.js';
export * from './cart.js';
export * from './orders.js';
export * from './refunds.js';
export * from './payment-exceptions.js';
export * from './coupons.js';
export * from './points.js';
export * from './points-mall.js';
export * from './check-in.js';
export * from './tiers.js';
export * from './members.js';
export * from './favourites.js';
export * from './uploads.js';
export * from './shares.js';
