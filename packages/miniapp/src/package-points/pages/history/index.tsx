import type { PointsEntry } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PointsLedgerParams, PointsTaskList } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { ListSkeleton } from '../../../components/list-skeleton';
import { t } from '../../../i18n/package-points';
import { formatDateTime } from '../../../lib/format';
import { merchantDateText, nextExpiryOf } from '../../../lib/points';
import { usePoints } from '../../../stores/points-store';
import '../points-pages.css';

type FilterKey = (typeof t.points.filters)[number]['key'];
type PeriodKey = (typeof t.points.periods)[number]['key'];
const PAGE_SIZE = 20;
const DAY_MS = 24 * 3600_000;

const FILTERS: Record<FilterKey, Omit<PointsLedgerParams, 'limit' | 'cursor'>> = {
  all: {},
  in: { direction: 'in' },
  out: { direction: 'out' },
  expire: { kind: 'expire' },
};

function filterOf(value: string | undefined): FilterKey {
  return t.points.filters.find((f) => f.key === value)?.key ?? 'all';
}

/** The earliest instant of a period ("30": the last 30 days), or null for all time. */
function sinceOf(period: PeriodKey, now = Date.now()): number | null {
  return period === 'all' ? null : now - Number(period) * DAY_MS;
}

/**
 * What a shopper reads under an entry: the task's name, the order or refund number, or the staff's words for a manual
 * adjustment. Other notes are the server's own bookkeeping and stay hidden.
 */
function entryNote(entry: PointsEntry): string | null {
  const note = entry.note?.trim();
  if (!note) return null;
  switch (entry.reason) {
    case 'task':
      return (t.points.tasks as Record<string, string>)[note] ?? null;
    case 'order':
    case 'checkout':
    case 'checkout_return':
      return t.orders.orderNo(note);
    case 'order_refund':
      return t.refund.refundNo(note.replace(/^refund\s+/, ''));
    case 'adjustment':
      return note;
    default:
      return null;
  }
}

interface Ledger {
  entries: PointsEntry[];
  nextCursor: number | null;
  loaded: boolean;
  loading: boolean;
  error: boolean;
}
const EMPTY: Ledger = { entries: [], nextCursor: null, loaded: false, loading: false, error: false };

/**
 * The points history: the summary on top, the one-off tasks and whether each is done, then the ledger newest first,
 * filtered by what an entry did (got, spent, expired) and a period, paged by the server's cursor. The API has no date
 * filter: the period is applied here, and paging stops at the first entry older than it (entries come newest first).
 */
export default function PointsHistoryPage() {
  const [filter, setFilter] = useState<FilterKey>(filterOf(useRouter().params.filter));
  const [period, setPeriod] = useState<PeriodKey>('90');
  const [ledger, setLedger] = useState<Ledger>(EMPTY);
  const [tasks, setTasks] = useState<PointsTaskList['items'] | null>(null);
  const summary = usePoints((s) => s.summary);
  const generation = useRef(0);
  const latest = useRef({ filter, period, ledger });
  latest.current = { filter, period, ledger };

  /** Page one (`cursor` null) or the next page, for a filter and period. */
  const load = useCallback(async (cursor: number | null, f: FilterKey, p: PeriodKey) => {
    const mine = cursor === null ? ++generation.current : generation.current;
    setLedger((l) => ({ ...(cursor === null && !l.loaded ? EMPTY : l), loading: true, error: false }));
    try {
      const page = await api.pointsLedger({ ...FILTERS[f], limit: PAGE_SIZE, cursor });
      if (mine !== generation.current) return;
      const since = sinceOf(p);
      const inPeriod = since === null ? page.entries : page.entries.filter((e) => Date.parse(e.createdAt) >= since);
      const older = inPeriod.length < page.entries.length; // the period starts inside this page: nothing after it
      setLedger((l) => {
        const base = cursor === null ? [] : l.entries;
        const seen = new Set(base.map((e) => e.id));
        return {
          entries: [...base, ...inPeriod.filter((e) => !seen.has(e.id))],
          nextCursor: older ? null : page.nextCursor,
          loaded: true,
          loading: false,
          error: false,
        };
      });
    } catch {
      if (mine === generation.current) setLedger((l) => ({ ...l, loading: false, error: true }));
    }
  }, []);
  const reload = () => load(null, latest.current.filter, latest.current.period);

  useEffect(() => {
    setLedger(EMPTY);
    void load(null, filter, period);
  }, [filter, period, load]);

  const loadTasks = () =>
    api.pointsTasks().then(
      (res) => setTasks(res.items),
      () => undefined,
    );
  const shownBefore = useRef(false);
  useDidShow(() => {
    void usePoints.getState().refresh();
    void loadTasks();
    if (shownBefore.current) void reload();
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([usePoints.getState().refresh(), loadTasks(), reload()]).finally(() => void Taro.stopPullDownRefresh());
  });
  const loadMore = () => {
    const { ledger: l, filter: f, period: p } = latest.current;
    if (!l.loading && l.nextCursor !== null) void load(l.nextCursor, f, p);
  };
  useReachBottom(loadMore);

  const expiry = summary ? nextExpiryOf(summary) : null;

  return (
    <View className='page points-page'>
      <View className='points-hero'>
        <View className='points-hero-figures'>
          <View className='points-hero-figure'>
            <Text className='points-hero-value js-history-available'>{summary ? String(summary.available) : '--'}</Text>
            <Text className='points-hero-label'>{t.points.available}</Text>
          </View>
          <View className='points-hero-figure'>
            <Text className='points-hero-value js-history-pending'>{summary ? String(summary.pending) : '--'}</Text>
            <Text className='points-hero-label'>{t.points.pending}</Text>
          </View>
        </View>
        {expiry ? <Text className='points-hero-note js-history-expiry'>{expiry.text}</Text> : null}
        {summary && summary.pending > 0 ? <Text className='points-hero-note'>{t.points.pendingHint}</Text> : null}
        {(summary?.pendingItems ?? []).map((p) => (
          <Text key={`${p.orderId ?? 'none'}-${p.maturesAt ?? 'open'}-${p.points}`} className='points-hero-note js-history-pending-item'>
            {p.maturesAt ? t.points.pendingMatures(p.points, merchantDateText(p.maturesAt)) : t.points.pendingAwaitsCompletion(p.points)}
          </Text>
        ))}
        {summary && summary.debt > 0 ? <Text className='points-hero-note js-history-debt'>{t.points.debt(summary.debt)}</Text> : null}
      </View>

      <View className='card points-tasks js-points-tasks'>
        <Text className='card-title'>{t.points.tasksTitle}</Text>
        {tasks === null ? <ListSkeleton rows={2} thumb={false} /> : null}
        {tasks !== null && tasks.length === 0 ? <View className='state-line'>{t.points.tasksEmpty}</View> : null}
        {(tasks ?? []).map((task) => (
          <View key={task.task} className={`points-task js-points-task js-points-task-${task.task}${task.done ? ' is-done' : ''}`}>
            <View className='points-task-main'>
              <Text className='points-task-name'>{t.points.tasks[task.task] ?? task.task}</Text>
              <Text className='points-task-reward'>{t.points.taskReward(task.points)}</Text>
            </View>
            <Text className={`points-task-state js-points-task-state${task.done ? ' is-done' : ''}`}>
              {task.done ? t.points.taskDone : t.points.taskTodo}
            </Text>
          </View>
        ))}
      </View>

      <View className='card points-ledger'>
        <View className='points-filters'>
          {t.points.filters.map((f) => (
            <View
              key={f.key}
              className={`points-filter js-points-filter js-points-filter-${f.key}${f.key === filter ? ' is-active' : ''}`}
              onClick={() => setFilter(f.key)}
            >
              <Text>{f.label}</Text>
            </View>
          ))}
        </View>
        <View className='points-periods'>
          {t.points.periods.map((p) => (
            <View
              key={p.key}
              className={`points-period js-points-period js-points-period-${p.key}${p.key === period ? ' is-active' : ''}`}
              onClick={() => setPeriod(p.key)}
            >
              <Text>{p.label}</Text>
            </View>
          ))}
        </View>

        {!ledger.loaded && ledger.loading ? <ListSkeleton thumb={false} /> : null}
        {!ledger.loaded && ledger.error ? <LoadError onRetry={() => void reload()} /> : null}
        {ledger.loaded && ledger.entries.length === 0 ? (
          <View className='points-empty js-points-empty'>
            <Text>{filter === 'all' && period === 'all' ? t.points.emptyAll : t.points.empty}</Text>
          </View>
        ) : null}
        {ledger.entries.map((entry) => (
          <View key={entry.id} className='ledger-entry js-ledger-entry'>
            <View className='ledger-main'>
              <Text className='ledger-reason js-ledger-reason'>{t.member.reasons[entry.reason] ?? t.member.reasonUnknown}</Text>
              {entryNote(entry) ? <Text className='muted ledger-note js-ledger-note'>{entryNote(entry)}</Text> : null}
              <Text className='muted'>{formatDateTime(entry.createdAt)}</Text>
            </View>
            <Text className={`ledger-delta js-ledger-delta ${entry.delta >= 0 ? 'is-credit' : 'is-debit'}`}>{t.common.pointsDelta(entry.delta)}</Text>
          </View>
        ))}
        {ledger.loaded && ledger.entries.length > 0 ? (
          ledger.nextCursor !== null ? (
            <View className='ledger-more'>
              <Button className='plain-button points-more-button js-ledger-more' onClick={loadMore}>
                <Text>{ledger.loading ? t.member.loadingMore : t.member.loadMore}</Text>
              </Button>
            </View>
          ) : (
            <View className='state-line js-ledger-end'>{t.member.noMore}</View>
          )
        ) : null}
        {ledger.loaded && ledger.error ? <LoadError onRetry={loadMore} /> : null}
      </View>
    </View>
  );
}
