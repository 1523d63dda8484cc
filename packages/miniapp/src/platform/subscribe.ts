import type { ConsentAnswer } from '@siyu/shared';

/**
 * The super-app's subscription prompt (docs/protocols/subscription-messages.md). Taro picks subscribe.weapp.ts /
 * subscribe.alipay.ts / subscribe.tt.ts / subscribe.h5.ts at build time; each exports a `requestSubscribe` of this type.
 * The answers per template id, in WeChat's words; null when the prompt could not be shown (no support, the member
 * switched subscriptions off, the app went to the background). This file is the fallback for any other target.
 */
export type RequestSubscribe = (templateIds: string[]) => Promise<Record<string, ConsentAnswer> | null>;

export const requestSubscribe: RequestSubscribe = async () => null;
