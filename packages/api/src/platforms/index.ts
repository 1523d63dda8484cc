import type { LoginPlatform } from '@siyu/shared/platforms';
import { createAlipayAdapter, type AlipayConfig } from './alipay.js';
import { createTtAdapter, type TtConfig } from './tt.js';
import type { FetchLike, PlatformAdapters } from './types.js';
import { createWeappAdapter, type WeappConfig } from './weapp.js';

export interface PlatformsConfig {
  weapp: WeappConfig;
  alipay: AlipayConfig;
  tt: TtConfig;
}

export function createPlatformAdapters(config: PlatformsConfig, fetch: FetchLike = globalThis.fetch, clock: () => Date = () => new Date()): PlatformAdapters {
  const adapters: PlatformAdapters = {
    weapp: createWeappAdapter(config.weapp, fetch),
    alipay: createAlipayAdapter(config.alipay, fetch, clock),
    tt: createTtAdapter(config.tt, fetch),
  };
  return adapters satisfies Record<LoginPlatform, unknown>;
}

export type { FetchLike, PlatformAdapter, PlatformAdapters, PlatformIdentity } from './types.js';
export type { AlipayConfig, TtConfig, WeappConfig };
export { createPlatformSimulator, simulatorFetch, SIMULATOR_BASE, SIMULATOR_APPS, type PlatformSimulator } from './simulator/simulator.js';
export { generateSimulatorKeys, sharedTestKeys, type SimulatorKeys } from './simulator/keys.js';
