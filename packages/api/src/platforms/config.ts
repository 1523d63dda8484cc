import type { AlipayConfig } from './alipay.js';
import type { TtConfig } from './tt.js';
import type { WeappConfig } from './weapp.js';

/** Our credentials on each platform (and, in development and tests, the simulator's base URLs). */
export interface PlatformsConfig {
  weapp: WeappConfig;
  alipay: AlipayConfig;
  tt: TtConfig;
}
