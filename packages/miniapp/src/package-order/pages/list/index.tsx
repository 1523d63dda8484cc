import type { OrderStatus, OrderSummary } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { ListSkeleton } from '../../../components/list-skeleton';
import { t } from '../../../i18n/package-order';
import { ROUTES } from '../../../lib/routes';
import { usePagedList } from '../../../lib/use-paged-list';
import './index.css';

type TabKey = (typeof t.orders.tabs)[number]['key'];
const PAGE_SIZE = 10;

function tabOf(value: string | undefined): TabKey {
  return t.orders.tabs.find((tab) => tab.key === value)?.key ?? 'all';
}

/** My orders by state (the tabs of t.orders.tabs: all, awaiting payment, to ship, to receive, completed, refunded), newest first. */
export default function OrderListPage() {
  const [tab, setTab] = useState<TabKey>(tabOf(useRouter().params.tab));
  const { items, loaded, loading, error, hasMore, loadMore, reload, refresh } = usePagedList<OrderSummary>(
    tab,
    (page, pageSize) => {
      // 退款 lists every order with a refund, partial ones included (their status stays paid, shipped or completed).
      if (tab === 'refunded') return api.orders({ refund: 'any', page, pageSize });
      const status: OrderStatus | undefined = tab === 'all' ? undefined : tab;
      return api.orders({ status, page, pageSize });
    },
    PAGE_SIZE,
  );

  // A new tab empties the list and loads its page 1 (usePagedList, keyed by the tab); the same tab again reloads it.
  const choose = (next: TabKey) => {
    if (next === tab) reload();
    else setTab(next);
  };
  // The first show is the hook's own first load; showing the page again refreshes it in place.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void refresh();
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => loadMore());

  return (
    <View className='page orders'>
      <View className='tabs'>
        {t.orders.tabs.map((x) => (
          <View key={x.key} className={`tab js-orders-tab js-orders-tab-${x.key}${x.key === tab ? ' is-active' : ''}`} onClick={() => choose(x.key)}>
            <Text>{x.label}</Text>
          </View>
        ))}
      </View>

      {!loaded ? error ? <LoadError onRetry={() => void refresh()} /> : <ListSkeleton /> : null}
      {loaded && items.length === 0 ? <View className='empty-box js-orders-empty'>{t.orders.empty}</View> : null}
      {items.map((order) => (
        <View
          key={order.id}
          className='card order-card js-order-card'
          data-order-id={order.id}
          onClick={() => void Taro.navigateTo({ url: ROUTES.order(order.id) })}
        >
          <View className='row'>
            <Text className='muted'>{t.orders.orderNo(order.orderNo)}</Text>
            <Text className={`order-status js-order-status is-${order.status}`}>{t.orders.status[order.status]}</Text>
          </View>
          {order.lines.slice(0, 3).map((line) => (
            <View key={line.id} className='order-card-line'>
              <Text className='line-title'>{line.title}</Text>
              <Text className='muted'>{t.checkout.quantity(line.quantity)}</Text>
            </View>
          ))}
          <View className='row order-card-foot'>
            <Text className='muted'>{t.orders.itemsCount(order.lines.reduce((n, l) => n + l.quantity, 0))}</Text>
            <View className='order-card-amount'>
              <Text>{t.orders.payable}</Text>
              <Text className='price'>{formatYuan(order.payableFen)}</Text>
            </View>
          </View>
          {order.status === 'awaiting_payment' ? (
            <View className='order-card-actions'>
              <Button
                className='small-button is-primary js-order-pay'
                onClick={(e) => {
                  e.stopPropagation();
                  void Taro.navigateTo({ url: ROUTES.order(order.id, '&autopay=1') });
                }}
              >
                <Text>{t.orders.pay}</Text>
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      {loaded && items.length > 0 ? (
        <View className='state-line'>{hasMore ? (loading ? t.common.loading : t.common.loadMore) : t.common.noMore}</View>
      ) : null}
    </View>
  );
}
