import type { RequestSubscribe } from './subscribe';
import { answersOf } from './subscribe-answers';

declare const tt: {
  requestSubscribeMessage?(options: { tmplIds: string[]; success(res: Record<string, unknown>): void; fail(err: unknown): void }): void;
};

/**
 * Douyin: tt.requestSubscribeMessage({ tmplIds }); newer base libraries answer `templateSettings` with only the ids
 * the member ticked, older ones `{ [id]: 'accept' | 'reject' }`.
 */
export const requestSubscribe: RequestSubscribe = (templateIds) =>
  new Promise((resolve) => {
    if (typeof tt === 'undefined' || !tt.requestSubscribeMessage) {
      resolve(null);
      return;
    }
    tt.requestSubscribeMessage({
      tmplIds: templateIds,
      success: (res) => {
        const settings = res.templateSettings as Record<string, unknown> | undefined;
        resolve(settings ? answersOf(templateIds, settings, (v) => v !== undefined && v !== null) : answersOf(templateIds, res));
      },
      fail: () => resolve(null),
    });
  });
