import type { GrowthEntry } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { ListSkeleton } from '../../../components/list-skeleton';
import { t } from '../../../i18n/zh-CN';
import { formatDateTime } from '../../../lib/format';
import '../member-pages.css';

interface State {
  growth: number | null;
  entries: GrowthEntry[];
  nextCursor: number | null;
  loaded: boolean;
  loading: boolean;
  error: boolean;
}

/**
 * What a shopper reads under a growth entry: the task's name (the server notes the task's code), the order's number,
 * or the server's words (a cumulative check-in reward, staff's reason); never a code.
 */
function growthNote(entry: GrowthEntry): string | null {
  const note = entry.note?.trim();
  if (!note) return null;
  switch (entry.reason) {
    case 'task':
      return (t.points.tasks as Record<string, string>)[note] ?? null;
    case 'order':
    case 'order_refund':
      return t.tiers.orderNo(note);
    case 'check_in':
      return null; // the title says it
    default:
      return note;
  }
}

/** An entry's title: its reason, or for a cumulative check-in reward the server's words for it (累计签到 7 天奖励). */
const growthTitle = (entry: GrowthEntry) =>
  entry.reason === 'check_in' && entry.note?.trim() ? entry.note.trim() : (t.tiers.reasons[entry.reason] ?? t.tiers.growthLabel);

/** My growth ledger, newest first, a page at a time. */
export default function GrowthPage() {
  const [s, setS] = useState<State>({ growth: null, entries: [], nextCursor: null, loaded: false, loading: true, error: false });
  const load = (cursor: number | null) => {
    setS((p) => ({ ...p, loading: true, error: false }));
    api.myGrowth({ cursor }).then(
      (page) =>
        setS((p) => ({
          growth: page.growth,
          entries: cursor === null ? page.entries : [...p.entries, ...page.entries],
          nextCursor: page.nextCursor,
          loaded: true,
          loading: false,
          error: false,
        })),
      () => setS((p) => ({ ...p, loading: false, error: true })),
    );
  };
  useDidShow(() => load(null));

  return (
    <View className='page member-growth'>
      <View className='card growth-total'>
        <Text className='muted'>{t.tiers.growthLabel}</Text>
        <Text className='growth-total-value js-growth-total'>{s.growth === null ? '--' : String(s.growth)}</Text>
      </View>
      <View className='card'>
        {!s.loaded && s.loading ? <ListSkeleton thumb={false} /> : null}
        {!s.loaded && s.error ? <LoadError onRetry={() => load(null)} /> : null}
        {s.loaded && s.entries.length === 0 ? <View className='state-line'>{t.tiers.growthEmpty}</View> : null}
        {s.entries.map((e) => (
          <View key={e.id} className='ledger-entry js-growth-entry-row'>
            <View className='ledger-main'>
              <Text className='ledger-reason js-growth-reason'>{growthTitle(e)}</Text>
              {growthNote(e) ? <Text className='muted ledger-note js-growth-note'>{growthNote(e)}</Text> : null}
              <Text className='muted'>{formatDateTime(e.createdAt)}</Text>
            </View>
            <Text className={`ledger-delta ${e.delta >= 0 ? 'is-credit' : 'is-debit'}`}>{t.common.pointsDelta(e.delta)}</Text>
          </View>
        ))}
        {s.loaded && s.entries.length > 0 ? (
          s.nextCursor !== null ? (
            <View className='ledger-more'>
              <Button className='plain-button load-error-retry js-growth-more' disabled={s.loading || undefined} onClick={() => load(s.nextCursor)}>
                <Text>{s.loading ? t.member.loadingMore : t.member.loadMore}</Text>
              </Button>
            </View>
          ) : (
            <View className='state-line'>{t.member.noMore}</View>
          )
        ) : null}
      </View>
    </View>
  );
}
