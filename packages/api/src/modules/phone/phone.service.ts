import type { BindPhoneRequest, BindPhoneResult, LoginPlatform } from '@siyu/shared';
import { AppError } from '../../lib/app-error.js';
import { validationError, type FieldIssue } from '../../lib/http.js';
import type { RateLimiter } from '../../lib/rate-limit.js';
import { zhCN } from '../../i18n/zh-CN.js';
import type { PhoneProof, PlatformAdapters } from '../../platforms/types.js';
import type { MembersService } from '../members/index.js';

export interface PhoneBindingService {
  bind(memberId: number, platform: LoginPlatform | null, body: BindPhoneRequest, address: string): Promise<BindPhoneResult>;
}

/** Which fields each platform's proof carries (docs/platform-protocols.md, "Phone number"). */
const PROOF_FIELDS: Record<LoginPlatform, readonly (keyof BindPhoneRequest)[]> = {
  weapp: ['code'],
  alipay: ['response'],
  tt: ['encryptedData', 'iv'],
};
const ALL_FIELDS = ['code', 'response', 'encryptedData', 'iv'] as const;

/**
 * The proof the session's platform expects, or a 400 naming each missing field and each field of another
 * platform's proof (a WeChat code posted from a Douyin session is a client bug, not something to guess around).
 */
export function proofFromRequest(platform: LoginPlatform, body: BindPhoneRequest): PhoneProof {
  const wanted = PROOF_FIELDS[platform];
  const issues: FieldIssue[] = [];
  for (const f of wanted)
    if (body[f] === undefined) issues.push({ field: f, code: 'required_for_platform', message: `required on ${platform}`, params: { platform } });
  for (const f of ALL_FIELDS) {
    if (!wanted.includes(f) && body[f] !== undefined)
      issues.push({
        field: f,
        code: 'not_for_platform',
        message: `not part of a ${platform} phone proof (expected ${wanted.join(', ')})`,
        params: { platform },
      });
  }
  if (issues.length > 0) throw validationError(issues);
  if (platform === 'weapp') return { platform, code: body.code! };
  if (platform === 'alipay') return { platform, response: body.response! };
  return { platform, encryptedData: body.encryptedData!, iv: body.iv! };
}

/** The shopper-facing words for the errors this flow adds, in error details (`hint`), from the API's i18n file. */
function withHint(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  const hint = (zhCN.phone.errors as Partial<Record<string, string>>)[err.code];
  if (!hint) return err;
  const details = err.details && typeof err.details === 'object' ? err.details : {};
  return new AppError(err.code, err.message, { ...details, hint }, err.headers);
}

/**
 * Binding a phone number through the platform's own phone-number flow. The session's platform decides which proof
 * is expected; the platform adapter checks it (and, on Douyin, decrypts it with the session key we keep); the members
 * module stores the phone and merges members that share it. Rate-limited per address and per member before any
 * platform call: each WeChat phone-code exchange is a paid call, and a burst of proofs is somebody probing.
 */
export function createPhoneBindingService(deps: {
  platforms: PlatformAdapters;
  members: MembersService;
  limits: { perMember: RateLimiter; perAddress: RateLimiter };
}): PhoneBindingService {
  return {
    async bind(memberId: number, platform: LoginPlatform | null, body: BindPhoneRequest, address: string): Promise<BindPhoneResult> {
      try {
        // A session from before sessions recorded their platform: which button made the proof is unknown.
        if (!platform) throw new AppError('SESSION_STALE', 'this session does not say which platform it is from; log in again');
        const proof = proofFromRequest(platform, body);
        await deps.limits.perAddress.consume(address);
        await deps.limits.perMember.consume(String(memberId));
        const adapter = deps.platforms[platform];
        const sessionKey = platform === 'tt' ? await deps.members.sessionKeyFor(memberId, platform, adapter.appId) : null;
        const phone = await adapter.getPhoneNumber(proof, { sessionKey });
        return await deps.members.bindPhone(memberId, phone);
      } catch (err) {
        throw withHint(err);
      }
    },
  };
}
