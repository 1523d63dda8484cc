export * from './errors.js';
export * from './money.js';
export * from './business-day.js';
export * from './platforms.js';
export * from './contracts/common.js';
export * from './contracts/auth.js';
export * from './contracts/check-in.js';
export * from './contracts/points.js';
