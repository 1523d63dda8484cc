import type { RequestSubscribe } from './subscribe';
import { answersOf } from './subscribe-answers';

declare const my: {
  requestSubscribeMessage?(options: { entityIds: string[]; success(res: Record<string, unknown>): void; fail(err: unknown): void }): void;
};

/**
 * Alipay: my.requestSubscribeMessage({ entityIds }); the ids the member subscribed come back in
 * `result.subscribeEntityIds` (or as `{ [id]: 'accept' }` on some versions): anything else counts as a refusal.
 */
export const requestSubscribe: RequestSubscribe = (templateIds) =>
  new Promise((resolve) => {
    if (typeof my === 'undefined' || !my.requestSubscribeMessage) {
      resolve(null);
      return;
    }
    my.requestSubscribeMessage({
      entityIds: templateIds,
      success: (res) => {
        const subscribed = (res.result as { subscribeEntityIds?: unknown } | undefined)?.subscribeEntityIds;
        const ids = Array.isArray(subscribed) ? subscribed.map(String) : null;
        if (!ids) {
          resolve(answersOf(templateIds, res));
          return;
        }
        const byId = Object.fromEntries(ids.map((id) => [id, true]));
        resolve(answersOf(templateIds, byId, (v) => v === true));
      },
      fail: () => resolve(null),
    });
  });
