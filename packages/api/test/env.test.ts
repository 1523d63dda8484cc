import { describe, expect, it } from 'vitest';
import { isLoopbackHost, productionPlatformsConfig, readEnv } from '../src/env.js';
import { createPaymentAdapters, sharedTestKeys } from '../src/platforms/index.js';

const keys = sharedTestKeys();
const oneLine = (pem: string) => pem.trim().replaceAll('\n', '\\n');

const LOGIN = {
  NODE_ENV: 'production',
  WEAPP_APP_ID: 'wx0123456789abcdef',
  WEAPP_APP_SECRET: 'secret',
  ALIPAY_APP_ID: '2021000000000000',
  ALIPAY_APP_PRIVATE_KEY: oneLine(keys.alipayApp.privateKey),
  ALIPAY_PUBLIC_KEY: oneLine(keys.alipayPlatform.publicKey),
  TT_APP_ID: 'tt0123456789abcdef',
  TT_APP_SECRET: 'secret',
};
const PAYMENTS = {
  PUBLIC_BASE_URL: 'https://shop.example.com/',
  WEAPP_PAY_MCH_ID: '1900000001',
  WEAPP_PAY_MERCHANT_PRIVATE_KEY: oneLine(keys.wechatMerchant.privateKey),
  WEAPP_PAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WEAPP_PAY_API_V3_KEY: 'a'.repeat(32),
  WEAPP_PAY_PLATFORM_PUBLIC_KEYS: JSON.stringify({ PUB_KEY_ID_0119000000012024: oneLine(keys.wechatPlatform.publicKey) }),
  ALIPAY_SELLER_ID: '2088000000000001',
  TT_PAY_APP_PRIVATE_KEY: oneLine(keys.ttApp.privateKey),
  TT_PAY_PLATFORM_PUBLIC_KEY: oneLine(keys.ttPlatform.publicKey),
};

function problems(env: Record<string, string>): string {
  try {
    readEnv(env);
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('Alipay phone numbers: ALIPAY_AES_KEY', () => {
  it('passes the console’s AES key (base64 of 16 bytes) to the adapter, and refuses anything else naming it', () => {
    const aesKey = Buffer.alloc(16, 7).toString('base64');
    expect(productionPlatformsConfig(readEnv({ ...LOGIN, ALIPAY_AES_KEY: aesKey })).alipay.aesKey).toBe(aesKey);
    expect(productionPlatformsConfig(readEnv(LOGIN)).alipay.aesKey).toBeUndefined();
    for (const bad of ['short', Buffer.alloc(32, 7).toString('base64'), 'not base64 at all!!!!!==']) {
      expect(problems({ ...LOGIN, ALIPAY_AES_KEY: bad }), bad).toMatch(/ALIPAY_AES_KEY: must be the AES key/);
    }
  });
});

describe('production payment settings', () => {
  it('turns each platform’s payments on from its settings, with notify URLs under PUBLIC_BASE_URL and PEMs unfolded', () => {
    const config = productionPlatformsConfig(readEnv({ ...LOGIN, ...PAYMENTS }));
    expect(config.weapp.pay).toMatchObject({ mchId: '1900000001', notifyUrl: 'https://shop.example.com/payments/notify/weapp' });
    expect(config.weapp.pay!.merchantPrivateKey).toBe(keys.wechatMerchant.privateKey.trim());
    expect(Object.values(config.weapp.pay!.platformPublicKeys)[0]).toBe(keys.wechatPlatform.publicKey.trim());
    expect(config.alipay).toMatchObject({ sellerId: '2088000000000001', notifyUrl: 'https://shop.example.com/payments/notify/alipay' });
    expect(config.tt.pay).toMatchObject({ keyVersion: '1', notifyUrl: 'https://shop.example.com/payments/notify/tt' });
    const adapters = createPaymentAdapters(config);
    expect([adapters.weapp.configured, adapters.alipay.configured, adapters.tt.configured]).toEqual([true, true, true]);
  });

  it('leaves payments off where nothing is set: login works, paying answers that it is not configured', () => {
    const adapters = createPaymentAdapters(productionPlatformsConfig(readEnv(LOGIN)));
    expect([adapters.weapp.configured, adapters.alipay.configured, adapters.tt.configured]).toEqual([false, false, false]);
  });

  it('refuses half a platform’s settings, a missing or plain-http PUBLIC_BASE_URL, a short APIv3 key and bad key JSON, naming each', () => {
    const half = problems({ ...LOGIN, WEAPP_PAY_MCH_ID: '1900000001', TT_PAY_APP_PRIVATE_KEY: 'x' });
    for (const key of [
      'WEAPP_PAY_MERCHANT_PRIVATE_KEY',
      'WEAPP_PAY_MERCHANT_SERIAL_NO',
      'WEAPP_PAY_API_V3_KEY',
      'WEAPP_PAY_PLATFORM_PUBLIC_KEYS',
      'TT_PAY_PLATFORM_PUBLIC_KEY',
      'PUBLIC_BASE_URL',
    ]) {
      expect(half).toContain(`${key}:`);
    }
    expect(problems({ ...LOGIN, ...PAYMENTS, PUBLIC_BASE_URL: 'http://shop.example.com' })).toContain('PUBLIC_BASE_URL: must be an https URL');
    expect(problems({ ...LOGIN, ...PAYMENTS, WEAPP_PAY_API_V3_KEY: 'short' })).toContain('WEAPP_PAY_API_V3_KEY: must be the 32-character APIv3 key');
    expect(problems({ ...LOGIN, ...PAYMENTS, WEAPP_PAY_PLATFORM_PUBLIC_KEYS: '["nope"]' })).toContain(
      'WEAPP_PAY_PLATFORM_PUBLIC_KEYS: must be a JSON object',
    );
    expect(problems({ ...LOGIN, ...PAYMENTS })).toBe('');
  });
});

describe('numbers in the environment', () => {
  it('takes PORT and SHUTDOWN_GRACE_MS in decimal digits only', () => {
    expect(readEnv({ PORT: '8080', SHUTDOWN_GRACE_MS: '0' })).toMatchObject({ PORT: 8080, SHUTDOWN_GRACE_MS: 0 });
    expect(readEnv({}).PORT).toBe(3000);
    for (const port of ['0x1f90', '8e3', ' 8080', '08080', '+8080', '65536']) expect(problems({ PORT: port })).toContain('PORT:');
  });
});

describe('DATABASE_DURABILITY', () => {
  it('is full unless a throwaway database asks for relaxed, and is refused as anything but full in production', () => {
    expect(readEnv({}).DATABASE_DURABILITY).toBe('full');
    expect(readEnv({ DATABASE_DURABILITY: 'relaxed' }).DATABASE_DURABILITY).toBe('relaxed');
    expect(problems({ DATABASE_DURABILITY: 'off' })).toContain('DATABASE_DURABILITY:');
    expect(readEnv({ ...LOGIN, DATABASE_DURABILITY: 'full' }).DATABASE_DURABILITY).toBe('full');
    expect(problems({ ...LOGIN, DATABASE_DURABILITY: 'relaxed' })).toMatch(/DATABASE_DURABILITY: must be full in production/);
  });
});

describe('the platform simulator and the listening address', () => {
  const { NODE_ENV: _production, ...DEVELOPMENT_LOGIN } = LOGIN;

  it('is on by default only on loopback: 127.0.0.0/8, ::1, localhost', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(readEnv({ HOST: host }).PLATFORM_SIMULATOR, host).toBe(true);
    }
    expect(readEnv({}).PLATFORM_SIMULATOR).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'shop.example.com', '128.0.0.1', 'localhost.example.com']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('beyond loopback is off unless turned on explicitly; without platform settings the start fails saying how to turn it on', () => {
    const refused = problems({ HOST: '0.0.0.0' });
    for (const key of [
      'WEAPP_APP_ID',
      'WEAPP_APP_SECRET',
      'ALIPAY_APP_ID',
      'ALIPAY_APP_PRIVATE_KEY',
      'ALIPAY_PUBLIC_KEY',
      'TT_APP_ID',
      'TT_APP_SECRET',
    ]) {
      expect(refused).toContain(`${key}: required`);
    }
    expect(refused).toContain('0.0.0.0');
    expect(refused).toContain('PLATFORM_SIMULATOR=on');
    expect(readEnv({ HOST: '0.0.0.0', PLATFORM_SIMULATOR: 'on' }).PLATFORM_SIMULATOR).toBe(true);
    expect(readEnv({ HOST: '192.168.1.20', ...DEVELOPMENT_LOGIN }).PLATFORM_SIMULATOR).toBe(false);
    // Explicitly off on loopback: the platform settings are needed, as before.
    expect(problems({ PLATFORM_SIMULATOR: 'off' })).toContain('WEAPP_APP_ID: required');
    // Production never runs it, whatever the address.
    expect(problems({ ...LOGIN, HOST: '127.0.0.1', PLATFORM_SIMULATOR: 'on' })).toContain(
      'PLATFORM_SIMULATOR: the platform simulator must not run in production',
    );
    expect(readEnv({ ...LOGIN, HOST: '127.0.0.1' }).PLATFORM_SIMULATOR).toBe(false);
  });
});
