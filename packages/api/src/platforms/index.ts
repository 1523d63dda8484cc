import { createAlipayAdapter, type AlipayConfig } from './alipay.js';
import { createTtAdapter, type TtConfig } from './tt.js';
import type { FetchLike, PlatformAdapters } from './types.js';
import { createWeappAdapter, type WeappConfig } from './weapp.js';

/** Our credentials on each platform (and, in development and tests, the simulator's base URLs). */
export interface PlatformsConfig {
  weapp: WeappConfig;
  alipay: AlipayConfig;
  tt: TtConfig;
}

/**
 * The production adapters. `fetch` is injected so the simulator can answer in-process; `clock` only stamps Alipay
 * requests (its `timestamp` parameter).
 */
export function createPlatformAdapters(config: PlatformsConfig, fetch: FetchLike = globalThis.fetch, clock: () => Date = () => new Date()): PlatformAdapters {
  return {
    weapp: createWeappAdapter(config.weapp, fetch),
    alipay: createAlipayAdapter(config.alipay, fetch, clock),
    tt: createTtAdapter(config.tt, fetch),
  };
}

export type { FetchLike, PlatformAdapter, PlatformAdapters, PlatformIdentity } from './types.js';
export type { AlipayConfig, TtConfig, WeappConfig };
export { createWeappAdapter } from './weapp.js';
export { createAlipayAdapter } from './alipay.js';
export { createTtAdapter } from './tt.js';
export {
  createPlatformSimulator,
  simulatorFetch,
  SIMULATOR_BASE,
  SIMULATOR_APPS,
  type PlatformSimulator,
  type PlatformSimulatorOptions,
} from './simulator/simulator.js';
export { generateSimulatorKeys, sharedTestKeys, type SimulatorKeys, type KeyPairPem } from './simulator/keys.js';
