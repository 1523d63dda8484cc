import type { ConsentAnswer } from '@siyu/shared';

/**
 * The super-app's subscription prompt (docs/protocols/subscription-messages.md). Taro picks subscribe.weapp.ts /
 * subscribe.alipay.ts / subscribe.tt.ts / subscribe.h5.ts at build time; each exports a `requestSubscribe` of this type.
 * The answers per template id, in WeChat's words; null when the prompt could not be shown (no support, the member
 * switched subscriptions off, the app went to the background). This file is the fallback for any other target.
 */
export type RequestSubscribe = (templateIds: string[]) => Promise<Record<string, ConsentAnswer> | null>;

export const requestSubscribe: RequestSubscribe = async () => null;

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

/** The platform's answer object reduced to ours: an id the platform does not mention was not accepted. */
export function answersOf(
  templateIds: string[],
  raw: Record<string, unknown>,
  accepted?: (value: unknown) => boolean,
): Record<string, ConsentAnswer> {
  const out: Record<string, ConsentAnswer> = {};
  for (const id of templateIds) {
    const v = raw[id];
    if (accepted) out[id] = accepted(v) ? 'accept' : 'reject';
    else out[id] = typeof v === 'string' && ANSWERS.includes(v) ? (v as ConsentAnswer) : 'reject';
  }
  return out;
}
