import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isValidTimeZone } from '@siyu/shared/business-day';
import { z } from 'zod';

/** The repository root; relative paths in the environment are taken from here. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const flag = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
      .default('sqlite:data/siyu.db'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MERCHANT_TIME_ZONE: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
    TRUST_PROXY: flag.default(false),
    /** Plays WeChat, Alipay and Douyin locally at /__sim. Never in production. */
    PLATFORM_SIMULATOR: flag.optional(),
    H5_DIST_DIR: z.string().default('packages/miniapp/dist/h5'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    WEAPP_APP_ID: z.string().optional(),
    WEAPP_APP_SECRET: z.string().optional(),
    ALIPAY_APP_ID: z.string().optional(),
    ALIPAY_APP_PRIVATE_KEY: z.string().optional(),
    ALIPAY_PUBLIC_KEY: z.string().optional(),
    TT_APP_ID: z.string().optional(),
    TT_APP_SECRET: z.string().optional(),
  })
  .transform((env) => ({ ...env, PLATFORM_SIMULATOR: env.PLATFORM_SIMULATOR ?? env.NODE_ENV !== 'production' }))
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.PLATFORM_SIMULATOR) {
      ctx.addIssue({ code: 'custom', path: ['PLATFORM_SIMULATOR'], message: 'the platform simulator must not run in production' });
    }
    if (!env.PLATFORM_SIMULATOR) {
      for (const key of ['WEAPP_APP_ID', 'WEAPP_APP_SECRET', 'ALIPAY_APP_ID', 'ALIPAY_APP_PRIVATE_KEY', 'ALIPAY_PUBLIC_KEY', 'TT_APP_ID', 'TT_APP_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when the platform simulator is off' });
      }
    }
  });

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
    DATABASE_URL: env.DATABASE_URL.startsWith('sqlite:') && !env.DATABASE_URL.startsWith('sqlite::memory:')
      ? `sqlite:${path.resolve(REPO_ROOT, env.DATABASE_URL.slice('sqlite:'.length))}`
      : env.DATABASE_URL,
    H5_DIST_DIR: path.resolve(REPO_ROOT, env.H5_DIST_DIR),
  };
}
