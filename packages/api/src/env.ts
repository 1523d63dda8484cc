import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decimalIntegerOr } from '@siyu/shared';
import { isValidTimeZone } from '@siyu/shared/business-day';
import { z } from 'zod';
import type { PlatformsConfig } from './platforms/index.js';

/** The repository root; relative paths in the environment are taken from here. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const flag = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: decimalIntegerOr(3000, 0, 65535),
    DATABASE_URL: z
      .string()
      .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
      .default('sqlite:data/siyu.db'),
    /** `relaxed`: commits do not wait for the disk (throwaway test databases; decision 025). Refused in production. */
    DATABASE_DURABILITY: z.enum(['full', 'relaxed']).default('full'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MERCHANT_TIME_ZONE: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
    TRUST_PROXY: flag.default(false),
    /** Plays WeChat, Alipay and Douyin locally at /__sim. Never in production. */
    PLATFORM_SIMULATOR: flag.optional(),
    /** Test-only hooks at /__test (move the clock, run due jobs) for end-to-end tests. Refused in production. */
    TEST_HOOKS: flag.default(false),
    H5_DIST_DIR: z.string().default('packages/miniapp/dist/h5'),
    CONSOLE_DIST_DIR: z.string().default('packages/console/dist'),
    /** Uploaded images on the embedded default (an object store can replace it behind lib/storage.ts). */
    UPLOADS_DIR: z.string().default('data/uploads'),
    UPLOAD_MAX_BYTES: decimalIntegerOr(5 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    SHUTDOWN_GRACE_MS: decimalIntegerOr(10_000, 0, 120_000),
    WEAPP_APP_ID: z.string().optional(),
    WEAPP_APP_SECRET: z.string().optional(),
    ALIPAY_APP_ID: z.string().optional(),
    ALIPAY_APP_PRIVATE_KEY: z.string().optional(),
    ALIPAY_PUBLIC_KEY: z.string().optional(),
    /** The app's AES key (Alipay console, 接口内容加密方式): base64 of 16 bytes. Phone binding on Alipay needs it. */
    ALIPAY_AES_KEY: z
      .string()
      .trim()
      .refine(
        (v) => /^[A-Za-z0-9+/]{22}(==)?$/.test(v) && Buffer.from(v, 'base64').length === 16,
        'must be the AES key from the Alipay console (base64 of 16 bytes)',
      )
      .optional(),
    TT_APP_ID: z.string().optional(),
    TT_APP_SECRET: z.string().optional(),
    /** The https origin the platforms reach us at; payment notify URLs are `${PUBLIC_BASE_URL}/payments/notify/<platform>`. */
    PUBLIC_BASE_URL: z.url({ protocol: /^https$/, error: 'must be an https URL such as https://shop.example.com' }).optional(),
    // Payments, per platform: all of a platform's settings or none (that platform's payments then answer 503).
    WEAPP_PAY_MCH_ID: z.string().optional(),
    WEAPP_PAY_MERCHANT_PRIVATE_KEY: z.string().optional(),
    WEAPP_PAY_MERCHANT_SERIAL_NO: z.string().optional(),
    WEAPP_PAY_API_V3_KEY: z.string().optional(),
    /** JSON: {"<platform certificate serial or PUB_KEY_ID_…>": "<PEM>"}. */
    WEAPP_PAY_PLATFORM_PUBLIC_KEYS: z.string().optional(),
    ALIPAY_SELLER_ID: z.string().optional(),
    TT_PAY_APP_PRIVATE_KEY: z.string().optional(),
    TT_PAY_KEY_VERSION: z.string().optional(),
    TT_PAY_PLATFORM_PUBLIC_KEY: z.string().optional(),
  })
  // The simulator hands out login codes for anyone and marks trades paid: by default it only runs where nobody else
  // can reach it (development on loopback). Beyond loopback it takes PLATFORM_SIMULATOR=on, said loudly at start.
  .transform((env) => ({ ...env, PLATFORM_SIMULATOR: env.PLATFORM_SIMULATOR ?? (env.NODE_ENV !== 'production' && isLoopbackHost(env.HOST)) }))
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.TEST_HOOKS) {
      ctx.addIssue({ code: 'custom', path: ['TEST_HOOKS'], message: 'the test hooks (a movable clock) must not run in production' });
    }
    if (env.NODE_ENV === 'production' && env.DATABASE_DURABILITY !== 'full') {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_DURABILITY'],
        message: 'must be full in production: a committed payment must survive a crash',
      });
    }
    if (env.NODE_ENV === 'production' && env.PLATFORM_SIMULATOR) {
      ctx.addIssue({ code: 'custom', path: ['PLATFORM_SIMULATOR'], message: 'the platform simulator must not run in production' });
    }
    if (!env.PLATFORM_SIMULATOR && env.NODE_ENV !== 'production' && !isLoopbackHost(env.HOST) && !PLATFORM_LOGIN_SETTINGS.every((key) => env[key])) {
      ctx.addIssue({
        code: 'custom',
        path: ['PLATFORM_SIMULATOR'],
        message: `off, because HOST=${env.HOST} is reachable beyond this machine (it would give anyone login codes and paid trades); configure the platforms below, or on a trusted network set PLATFORM_SIMULATOR=on`,
      });
    }
    if (!env.PLATFORM_SIMULATOR) {
      for (const key of PLATFORM_LOGIN_SETTINGS) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when the platform simulator is off' });
      }
      let anyPayments = false;
      for (const group of Object.values(PAYMENT_SETTINGS)) {
        const set = group.filter((key) => env[key]);
        if (set.length === 0) continue;
        anyPayments = true;
        for (const key of group) {
          if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `required with ${set[0]}: set all of ${group.join(', ')} or none` });
        }
      }
      if (anyPayments && !env.PUBLIC_BASE_URL)
        ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'required when payments are configured' });
      if (env.WEAPP_PAY_API_V3_KEY && Buffer.byteLength(env.WEAPP_PAY_API_V3_KEY) !== 32) {
        ctx.addIssue({ code: 'custom', path: ['WEAPP_PAY_API_V3_KEY'], message: 'must be the 32-character APIv3 key' });
      }
      if (env.WEAPP_PAY_PLATFORM_PUBLIC_KEYS && !platformKeys(env.WEAPP_PAY_PLATFORM_PUBLIC_KEYS)) {
        ctx.addIssue({ code: 'custom', path: ['WEAPP_PAY_PLATFORM_PUBLIC_KEYS'], message: 'must be a JSON object of serial → PEM public key' });
      }
    }
  });

/** The platforms' login settings, all required when the simulator is off. */
const PLATFORM_LOGIN_SETTINGS = [
  'WEAPP_APP_ID',
  'WEAPP_APP_SECRET',
  'ALIPAY_APP_ID',
  'ALIPAY_APP_PRIVATE_KEY',
  'ALIPAY_PUBLIC_KEY',
  'TT_APP_ID',
  'TT_APP_SECRET',
] as const;

/**
 * Whether a listening address is reachable from this machine only: 127.0.0.0/8, ::1 (also as [::1] or
 * ::ffff:127.x.x.x) and localhost. Anything else, 0.0.0.0 and :: included, may be reached from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  const octets = v4.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/** The settings that turn on each platform's payments, all together. */
const PAYMENT_SETTINGS = {
  weapp: [
    'WEAPP_PAY_MCH_ID',
    'WEAPP_PAY_MERCHANT_PRIVATE_KEY',
    'WEAPP_PAY_MERCHANT_SERIAL_NO',
    'WEAPP_PAY_API_V3_KEY',
    'WEAPP_PAY_PLATFORM_PUBLIC_KEYS',
  ],
  alipay: ['ALIPAY_SELLER_ID'],
  tt: ['TT_PAY_APP_PRIVATE_KEY', 'TT_PAY_PLATFORM_PUBLIC_KEY'],
} as const;

/** PEM values often arrive on one line with literal \n (env files, secret stores). */
function pem(value: string): string {
  return value.includes('\\n') ? value.replaceAll('\\n', '\n') : value;
}

function platformKeys(json: string): Record<string, string> | null {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.length === 0 || entries.some(([, v]) => typeof v !== 'string' || !v.includes('PUBLIC KEY'))) return null;
    return Object.fromEntries(entries.map(([k, v]) => [k, pem(v as string)]));
  } catch {
    return null;
  }
}

/** The real platforms' settings (the simulator off): login always, payments where configured. */
export function productionPlatformsConfig(env: Env): PlatformsConfig {
  const notify = (platform: string) => (env.PUBLIC_BASE_URL ? `${env.PUBLIC_BASE_URL.replace(/\/+$/, '')}/payments/notify/${platform}` : undefined);
  return {
    weapp: {
      appId: env.WEAPP_APP_ID!,
      appSecret: env.WEAPP_APP_SECRET!,
      ...(env.WEAPP_PAY_MCH_ID
        ? {
            pay: {
              mchId: env.WEAPP_PAY_MCH_ID,
              merchantPrivateKey: pem(env.WEAPP_PAY_MERCHANT_PRIVATE_KEY!),
              merchantSerialNo: env.WEAPP_PAY_MERCHANT_SERIAL_NO!,
              apiV3Key: env.WEAPP_PAY_API_V3_KEY!,
              platformPublicKeys: platformKeys(env.WEAPP_PAY_PLATFORM_PUBLIC_KEYS!)!,
              notifyUrl: notify('weapp')!,
            },
          }
        : {}),
    },
    alipay: {
      appId: env.ALIPAY_APP_ID!,
      appPrivateKey: pem(env.ALIPAY_APP_PRIVATE_KEY!),
      alipayPublicKey: pem(env.ALIPAY_PUBLIC_KEY!),
      ...(env.ALIPAY_AES_KEY ? { aesKey: env.ALIPAY_AES_KEY } : {}),
      ...(env.ALIPAY_SELLER_ID ? { sellerId: env.ALIPAY_SELLER_ID, notifyUrl: notify('alipay')! } : {}),
    },
    tt: {
      appId: env.TT_APP_ID!,
      appSecret: env.TT_APP_SECRET!,
      ...(env.TT_PAY_APP_PRIVATE_KEY
        ? {
            pay: {
              appPrivateKey: pem(env.TT_PAY_APP_PRIVATE_KEY),
              keyVersion: env.TT_PAY_KEY_VERSION ?? '1',
              platformPublicKey: pem(env.TT_PAY_PLATFORM_PUBLIC_KEY!),
              notifyUrl: notify('tt')!,
            },
          }
        : {}),
    },
  };
}

export type Env = z.output<typeof EnvSchema>;

/** The only reader of process.env. Fails with every problem listed, before anything starts. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    ...env,
    DATABASE_URL:
      env.DATABASE_URL.startsWith('sqlite:') && !env.DATABASE_URL.startsWith('sqlite::memory:')
        ? `sqlite:${path.resolve(REPO_ROOT, env.DATABASE_URL.slice('sqlite:'.length))}`
        : env.DATABASE_URL,
    H5_DIST_DIR: path.resolve(REPO_ROOT, env.H5_DIST_DIR),
    CONSOLE_DIST_DIR: path.resolve(REPO_ROOT, env.CONSOLE_DIST_DIR),
    UPLOADS_DIR: path.resolve(REPO_ROOT, env.UPLOADS_DIR),
  };
}
