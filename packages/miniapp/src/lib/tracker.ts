import Taro, { useDidShow } from '@tarojs/taro';
// Types only: the contract stays out of the bundle.
import type { EventKind, TrackedEvent } from '@siyu/shared';
import { isApiError, request } from '../api/client';
import { TARGET } from '../env';
import { STORAGE_KEYS, storage } from '../platform/storage';
import { randomId } from './random';

/**
 * The behaviour tracker (docs/decisions/042-behaviour-events.md): events queue in storage (so a closed app or a lost
 * network loses none), and go out in batches of up to 50 when 20 are waiting, every 15 s, and when the app is hidden.
 * A failed send waits 2 s, 4 s, … up to a minute, and tries again at once when the network comes back. The server
 * stores each event once by its id, so sending a batch again after a lost answer doubles nothing. Only a batch the
 * server refuses as malformed (400) is let go: it would never be accepted.
 */
const BATCH = 50;
const FLUSH_AT = 20;
const INTERVAL_MS = 15_000;
/** Beyond this many unsent events the oldest go (a phone offline for days must not fill its storage). */
const MAX_QUEUED = 1000;

type Attribution = Pick<TrackedEvent, 'channel' | 'shareId'>;
type Extra = Pick<TrackedEvent, 'page' | 'productId' | 'detail'>;

let queue: TrackedEvent[] = [];
let sessionId = '';
let attribution: Attribution = {};
let sending = false;
let backoffMs = 0;
let retryAt = 0;
let started = false;

const save = () => storage.set(STORAGE_KEYS.events, JSON.stringify(queue));

/** The visit's attribution (the share or channel that brought it), carried on every event from now on. */
export function setAttribution(a: Attribution): void {
  attribution = {};
  if (a.channel) attribution.channel = a.channel;
  if (a.shareId) attribution.shareId = a.shareId;
}

export function track(kind: EventKind, extra: Extra = {}): void {
  if (!sessionId) sessionId = randomId(8);
  const e: TrackedEvent = { id: randomId(16), kind, at: new Date().toISOString(), sessionId, platform: TARGET as TrackedEvent['platform'] };
  Object.assign(e, attribution, extra);
  if (e.detail) e.detail = e.detail.slice(0, 100);
  if (e.page) e.page = e.page.slice(0, 200);
  queue.push(e);
  if (queue.length > MAX_QUEUED) queue = queue.slice(-MAX_QUEUED);
  save();
  if (queue.length >= FLUSH_AT) void flush();
}

/** Sends what is queued, a batch at a time, unless a send is under way or backing off. */
export async function flush(): Promise<void> {
  if (sending || queue.length === 0 || Date.now() < retryAt) return;
  sending = true;
  try {
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      try {
        await request({ method: 'POST', path: '/api/v1/events', body: { events: batch } });
      } catch (e) {
        if (!(isApiError(e) && e.status === 400)) {
          backoffMs = Math.min(backoffMs ? backoffMs * 2 : 2000, 60_000);
          retryAt = Date.now() + backoffMs;
          return;
        }
      }
      backoffMs = 0;
      retryAt = 0;
      const sent = new Set(batch.map((b) => b.id));
      queue = queue.filter((q) => !sent.has(q.id));
      save();
    }
  } finally {
    sending = false;
  }
}

/** Loads what an earlier run left unsent and starts the timers; once per app launch. */
export function startTracker(): void {
  if (started) return;
  started = true;
  sessionId = randomId(8);
  try {
    const stored: unknown = JSON.parse(storage.get(STORAGE_KEYS.events) ?? '[]');
    if (Array.isArray(stored)) queue = (stored as TrackedEvent[]).concat(queue);
  } catch {
    /* a damaged queue is let go */
  }
  setInterval(() => void flush(), INTERVAL_MS);
  try {
    Taro.onAppHide(() => void flush());
    Taro.onNetworkStatusChange((r) => {
      if (r.isConnected) {
        retryAt = 0;
        void flush();
      }
    });
  } catch {
    /* a target without these events still flushes on the timer */
  }
  // What an earlier run could not send goes now.
  void flush();
}

/** A page view each time the page shows. */
export function useTrackPage(extra: Extra = {}): void {
  useDidShow(() => track('page_view', { page: Taro.getCurrentInstance().router?.path ?? '', ...extra }));
}

/** For tests: what is waiting to be sent. */
export const queuedEvents = (): readonly TrackedEvent[] => queue;
