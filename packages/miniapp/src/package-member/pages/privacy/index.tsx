import type { MemberDataExport, Tier } from '@siyu/shared';
import { fenToYuanString } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { isApiError } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-member';
import { formatDateTime } from '../../../lib/format';
import { ROUTES } from '../../../lib/routes';
import { useCart } from '../../../stores/cart-store';
import { useCheckIn } from '../../../stores/check-in-store';
import { usePoints } from '../../../stores/points-store';
import { useSession } from '../../../stores/session-store';
import '../member-pages.css';

const v = t.centre.privacy;
type Rows = Array<Record<string, unknown>>;
type Open = Record<string, Array<Record<string, string>>>;
type Section = { key: string; title: string; lines: string[] };

const rowsOf = (x: unknown): Rows => (Array.isArray(x) ? (x as Rows) : []);
const num = (x: unknown) => (typeof x === 'number' ? x : Number(x) || 0);

/** The export as the sections a shopper reads: what each part of the store holds, in words and figures. */
function sectionsOf(d: MemberDataExport, tiers: Tier[]): Section[] {
  const profile = d.profile;
  const data = d.data as Record<string, unknown>;
  const addresses = rowsOf(data.addresses);
  // Goods orders, as 我的's 全部订单 counts them; the cash parts of points-mall redemptions on a line of their own.
  const allOrders = rowsOf(data.orders);
  const orders = allOrders.filter((o) => o.kind !== 'points_mall');
  const mallCash = allOrders.filter((o) => o.kind === 'points_mall');
  const yuanOf = (rows: Rows) => fenToYuanString(rows.reduce((s, o) => s + num(o.payableFen), 0));
  const points = (data.points ?? {}) as { account?: { balance?: unknown } | null; ledger?: unknown };
  const coupons = rowsOf(data.coupons);
  const checkIns = rowsOf(data.check_ins);
  const tier = ((data.tiers ?? {}) as { tier?: { level?: unknown; growth?: unknown } | null }).tier;
  const favourites = rowsOf(data.favourites);
  const tierName = tiers.find((x) => x.level === num(tier?.level))?.name ?? tiers[0]?.name ?? '';
  const sections: Section[] = [
    {
      key: 'profile',
      title: v.sections.profile,
      lines: [
        `${v.nickname}：${profile.nickname}`,
        `${v.gender}：${t.centre.profile.genders[profile.gender] ?? profile.gender}`,
        `${v.birthday}：${profile.birthday ?? v.notSet}`,
        `${v.phone}：${profile.phoneMasked ?? v.notSet}`,
        `${v.memberSince}：${formatDateTime(profile.createdAt).slice(0, 10)}`,
      ],
    },
    {
      key: 'platforms',
      title: v.sections.platforms,
      lines: d.identities.length
        ? d.identities.map((i) => v.identity(v.platformNames[i.platform] ?? i.platform, formatDateTime(i.createdAt).slice(0, 10)))
        : [v.none],
    },
    {
      key: 'addresses',
      title: v.sections.addresses,
      lines: addresses.length ? addresses.map((a) => `${String(a.name)} ${String(a.province)}${String(a.city)}${String(a.district)}`) : [v.none],
    },
    {
      key: 'orders',
      title: v.sections.orders,
      lines: [
        orders.length ? v.ordersSummary(orders.length, yuanOf(orders)) : v.none,
        ...(mallCash.length ? [v.mallCashSummary(mallCash.length, yuanOf(mallCash))] : []),
      ],
    },
    { key: 'points', title: v.sections.points, lines: [v.pointsSummary(num(points.account?.balance), rowsOf(points.ledger).length)] },
    {
      key: 'coupons',
      title: v.sections.coupons,
      lines: [coupons.length ? v.couponsSummary(coupons.length, coupons.filter((c) => c.status === 'available').length) : v.none],
    },
    {
      key: 'checkIns',
      title: v.sections.checkIns,
      lines: [checkIns.length ? v.checkInsSummary(checkIns.length, String(checkIns[checkIns.length - 1]?.business_date ?? '')) : v.none],
    },
    { key: 'tier', title: v.sections.tier, lines: [v.tierSummary(tierName, num(tier?.growth))] },
    { key: 'favourites', title: v.sections.favourites, lines: [favourites.length ? v.favouritesSummary(favourites.length) : v.none] },
  ];
  if (d.merges.length > 0) sections.push({ key: 'merges', title: v.sections.merges, lines: [v.mergesSummary(d.merges.length)] });
  return sections;
}

/**
 * The 409 ACCOUNT_HAS_OPEN_ORDERS details as lines that say what each thing is: 订单「茶杯」等 2 件 待付款, 积分兑换「保温杯」
 * 待发货, 退款「茶杯」处理中 (the number only when the server names nothing).
 */
function openLines(open: Open): string[] {
  const lines: string[] = [];
  for (const [kind, items] of Object.entries(open)) {
    for (const item of items) {
      const what = item.title ? v.openWhat(item.title, num(item.lineCount)) : (item.orderNo ?? item.refundNo ?? item.redemptionNo ?? '');
      const status = v.statuses[item.status ?? ''] ?? '';
      lines.push(`${v.openKinds[kind] ?? v.openKindOther}${what} ${status}`.trim());
    }
  }
  return lines;
}

/**
 * 隐私与账号: 我的数据 (GET /me/data as readable sections) and 注销账号 (what goes, what stays anonymised, a confirmation,
 * the unfinished orders of a 409 listed plainly; once closed: the session is forgotten and the shop opens as for a new
 * visitor).
 */
export default function PrivacyPage() {
  const [data, setData] = useState<{ export: MemberDataExport; tiers: Tier[] } | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [closing, setClosing] = useState(false);
  const [open, setOpen] = useState<string[] | null>(null);

  const load = () => {
    setLoadError(false);
    Promise.all([
      api.myData(),
      api.tiers().then(
        (l) => l.tiers,
        () => [] as Tier[],
      ),
    ]).then(
      ([exported, tiers]) => setData({ export: exported, tiers }),
      () => setLoadError(true),
    );
  };
  useDidShow(load);

  const close = async () => {
    if (closing) return;
    setClosing(true);
    try {
      await api.closeAccount({ confirm: true });
      useSession.getState().signOut();
      // What the pages keep of the closed member goes too: the new visitor's own is loaded when a page shows.
      usePoints.setState({ summary: null, error: false });
      useCart.setState({ cart: null, error: null });
      useCheckIn.setState({ status: null, lastResult: null, pendingKey: null, error: null });
      void Taro.showToast({ title: v.closed, icon: 'success', duration: 1500 });
      setTimeout(() => void Taro.reLaunch({ url: ROUTES.home }), 800);
    } catch (e) {
      setConfirming(false);
      if (isApiError(e) && e.code === 'ACCOUNT_HAS_OPEN_ORDERS') setOpen(openLines((e.details ?? {}) as Open));
      else void Taro.showToast({ title: v.closeFailed, icon: 'none', duration: 2000 });
    } finally {
      setClosing(false);
    }
  };

  return (
    <View className='page member-privacy'>
      <View className='card js-my-data'>
        <Text className='card-title'>{v.dataTitle}</Text>
        <Text className='muted privacy-intro'>{v.dataIntro}</Text>
        {loadError ? <LoadError onRetry={load} /> : null}
        {!data && !loadError ? <View className='state-line'>{t.common.loading}</View> : null}
        {data
          ? sectionsOf(data.export, data.tiers).map((s) => (
              <View key={s.key} className={`privacy-section js-data-section js-data-${s.key}`}>
                <Text className='privacy-section-title'>{s.title}</Text>
                {s.lines.map((line) => (
                  <Text key={line} className='privacy-line js-data-line'>
                    {line}
                  </Text>
                ))}
              </View>
            ))
          : null}
        {data ? <Text className='muted privacy-exported'>{v.exportedAt(formatDateTime(data.export.exportedAt))}</Text> : null}
      </View>

      <View className='card js-close-account'>
        <Text className='card-title'>{v.closeTitle}</Text>
        <Text className='privacy-line'>{v.closeIntro}</Text>
        <Text className='privacy-section-title'>{v.removedTitle}</Text>
        {v.removed.map((line) => (
          <Text key={line} className='privacy-line privacy-bullet'>
            {`· ${line}`}
          </Text>
        ))}
        <Text className='privacy-section-title'>{v.keptTitle}</Text>
        {v.kept.map((line) => (
          <Text key={line} className='privacy-line privacy-bullet'>
            {`· ${line}`}
          </Text>
        ))}
        {open ? (
          <View className='privacy-open js-close-open'>
            <Text className='privacy-open-title'>{v.openTitle}</Text>
            {open.map((line) => (
              <Text key={line} className='privacy-line js-close-open-item'>
                {line}
              </Text>
            ))}
            <Text className='muted'>{v.openHint}</Text>
          </View>
        ) : null}
        {confirming ? (
          <View className='privacy-confirm js-close-confirm'>
            <Text className='privacy-open-title'>{v.confirmTitle}</Text>
            <Text className='privacy-line'>{v.confirmBody}</Text>
            <View className='privacy-actions'>
              <Button className='plain-button privacy-action js-close-cancel' onClick={() => setConfirming(false)}>
                <Text>{v.cancel}</Text>
              </Button>
              <Button className={`primary-button privacy-action js-close-agree${closing ? ' is-disabled' : ''}`} onClick={() => void close()}>
                <Text>{closing ? v.closing : v.confirmAgree}</Text>
              </Button>
            </View>
          </View>
        ) : (
          <Button className='plain-button privacy-close js-close-start' onClick={() => setConfirming(true)}>
            <Text>{v.closeButton}</Text>
          </Button>
        )}
      </View>
    </View>
  );
}
