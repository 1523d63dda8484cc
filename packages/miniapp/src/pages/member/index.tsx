import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { MemberProfile, MyMemberCard, OrderCounts } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { useState } from 'react';
import { api, mediaUrl } from '../../api/client';
import { PhoneBindButton } from '../../components/phone-bind-button';
import { TierCard } from '../../components/tier-card';
import { t } from '../../i18n/zh-CN';
import { nextExpiryOf } from '../../lib/points';
import { ROUTES } from '../../lib/routes';
import { usePoints } from '../../stores/points-store';
import { useSession } from '../../stores/session-store';
import './index.css';
import { useTrackPage } from '../../lib/tracker';

export default function MemberPage() {
  useTrackPage();
  const member = useSession((s) => s.member);
  const summary = usePoints((s) => s.summary);

  /** How many coupons the member can use (the usable tab's total); null until known. */
  const [usableCoupons, setUsableCoupons] = useState<number | null>(null);
  /** The profile as GET /me/profile says on this visit (the masked phone, avatar, nickname); null until known. */
  const [profile, setProfile] = useState<MemberProfile | null>(null);

  /** How many orders each tab of the order list holds; null until known. */
  const [orderCounts, setOrderCounts] = useState<OrderCounts | null>(null);
  /** Unread messages in the message centre (the badge); 0 until known. */
  const [unreadMessages, setUnreadMessages] = useState(0);

  /** The paid card (付费会员卡) as GET /member-cards/me says on this visit: its days left and what it saved. */
  const [memberCard, setMemberCard] = useState<MyMemberCard | null>(null);

  useDidShow(() => {
    api.myMemberCard().then(
      (r) => setMemberCard(r.card),
      () => undefined,
    );
    api.profile().then(
      (p) => {
        setProfile(p);
        useSession.getState().setMember({ ...p, pointsBalance: useSession.getState().member?.pointsBalance ?? p.pointsBalance });
      },
      () => undefined,
    );
    api.orderCounts().then(setOrderCounts, () => undefined);
    api.unreadMessages().then(
      (r) => setUnreadMessages(r.unread),
      () => undefined,
    );
    void usePoints.getState().refresh();
    api.coupons({ status: 'usable', page: 1, pageSize: 1 }).then(
      (page) => setUsableCoupons(page.total),
      () => undefined,
    );
  });

  const nickname = profile?.nickname || member?.nickname || t.member.nicknameFallback;
  const avatarUrl = mediaUrl(profile ? profile.avatarUrl : (member?.avatarUrl ?? null));
  const phoneMasked = profile?.phoneMasked ?? null;
  const expiry = summary ? nextExpiryOf(summary) : null;

  return (
    <View className='page member'>
      <View className='member-header js-member-header'>
        <View className='member-header-top' onClick={() => void Taro.navigateTo({ url: ROUTES.profile })}>
          {avatarUrl ? (
            <Image className='member-avatar js-member-avatar' src={avatarUrl} mode='aspectFill' />
          ) : (
            <View className='member-avatar js-member-avatar'>
              <Text>{nickname.slice(0, 1)}</Text>
            </View>
          )}
          <View className='member-info'>
            <Text className='member-nickname js-member-nickname'>{nickname}</Text>
            {phoneMasked ? <Text className='member-phone-masked js-member-phone'>{phoneMasked}</Text> : null}
          </View>
          <Text className='member-header-edit js-profile-header-entry'>{`${t.centre.profileEntry} ›`}</Text>
        </View>
        {profile && !phoneMasked ? (
          <View className='member-phone js-phone-row'>
            <View className='member-phone-text'>
              <Text className='member-phone-title'>{t.phone.rowTitle}</Text>
              <Text className='member-phone-hint js-phone-status'>{t.phone.rowHint}</Text>
            </View>
            <PhoneBindButton
              onBound={(result) => {
                setProfile((p) => (p ? { ...p, phoneMasked: result.phoneMasked } : p));
                void api.profile().then(setProfile, () => undefined);
                void useSession.getState().refreshMember();
              }}
            />
          </View>
        ) : null}
      </View>

      <View className='card member-points-card js-points-card' onClick={() => void Taro.navigateTo({ url: ROUTES.pointsHistory() })}>
        <View className='row member-points-head'>
          <Text className='card-title'>{t.points.cardTitle}</Text>
          <Text className='muted js-points-history-entry'>{`${t.points.historyEntry} ›`}</Text>
        </View>
        <View className='member-points-figures'>
          <View className='member-points-figure'>
            <Text className='member-points-value js-points-balance'>{member ? String(summary?.available ?? member.pointsBalance) : '--'}</Text>
            <Text className='member-points-label'>{t.points.available}</Text>
          </View>
          <View className='member-points-figure'>
            <Text className='member-points-value is-pending js-points-pending'>{summary ? String(summary.pending) : '--'}</Text>
            <Text className='member-points-label'>{t.points.pending}</Text>
          </View>
        </View>
        {expiry ? <Text className={`member-points-expiry js-points-expiry${expiry.soon ? ' is-soon' : ''}`}>{expiry.text}</Text> : null}
        <View
          className='row member-points-mall js-points-card-mall'
          onClick={(e) => {
            e.stopPropagation();
            void Taro.navigateTo({ url: ROUTES.mall });
          }}
        >
          <Text>{t.points.mallEntry}</Text>
          <Text className='muted'>{`${t.points.mallHint} ›`}</Text>
        </View>
      </View>
      <TierCard />

      <View className='card member-orders'>
        <View className='row member-orders-head js-orders-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.orders() })}>
          <Text className='card-title'>{t.member.ordersTitle}</Text>
          <Text className='muted js-order-count-all'>{orderCounts ? t.orderCounts.all(orderCounts.all) : `${t.member.ordersAll} ›`}</Text>
        </View>
        <View className='member-order-tabs'>
          {t.orderCounts.tabs.map((tab) => {
            const n = orderCounts?.[tab.count] ?? 0;
            return (
              <View
                key={tab.key}
                className={`member-order-tab js-member-orders-tab js-member-orders-tab-${tab.key}`}
                onClick={() => void Taro.navigateTo({ url: ROUTES.orders(tab.key) })}
              >
                {n > 0 ? <Text className={`member-order-badge js-order-count-${tab.key}`}>{t.orderCounts.badge(n)}</Text> : null}
                <Text className='member-order-tab-label'>{tab.label}</Text>
              </View>
            );
          })}
        </View>
      </View>

      <View className='card member-assets'>
        <View className='member-asset js-coupons-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.myCoupons() })}>
          <Text className='member-asset-value js-coupons-count'>{usableCoupons === null ? '--' : String(usableCoupons)}</Text>
          <Text className='member-asset-label'>{t.member.couponsEntry}</Text>
        </View>
        <View className='member-asset js-coupon-centre-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.couponCentre })}>
          <Text className='member-asset-value is-text'>{t.member.couponCentreEntry}</Text>
          <Text className='member-asset-label'>{t.member.couponCentreHint}</Text>
        </View>
        <View className='member-asset js-mall-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.mall })}>
          <Text className='member-asset-value is-text'>{t.points.mallEntry}</Text>
          <Text className='member-asset-label'>{t.points.mallHint}</Text>
        </View>
      </View>

      <View className='card member-menu js-centre-menu'>
        <Text className='card-title'>{t.centre.menuTitle}</Text>
        {[
          { key: 'profile', url: ROUTES.profile, label: t.centre.profileEntry, hint: t.centre.profileHint },
          { key: 'benefits', url: ROUTES.benefits, label: t.centre.benefitsEntry, hint: t.centre.benefitsHint },
          { key: 'privacy', url: ROUTES.privacy, label: t.centre.privacyEntry, hint: t.centre.privacyHint },
          { key: 'distribution', url: ROUTES.distribution, label: t.centre.distributionEntry, hint: t.centre.distributionHint },
          { key: 'wallet', url: ROUTES.wallet, label: t.centre.walletEntry, hint: t.centre.walletHint },
          { key: 'member-code', url: ROUTES.memberCode, label: t.centre.memberCodeEntry, hint: t.centre.memberCodeHint },
        ].map((entry) => (
          <View key={entry.key} className={`row member-menu-entry js-${entry.key}-entry`} onClick={() => void Taro.navigateTo({ url: entry.url })}>
            <Text className='member-menu-label'>{entry.label}</Text>
            <Text className='muted member-menu-hint'>{`${entry.hint} ›`}</Text>
          </View>
        ))}
      </View>

      <View className='card row member-entry js-member-card-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.memberCard })}>
        <Text>{t.member.cardEntry}</Text>
        <Text className='muted js-member-card-hint'>
          {`${memberCard?.status === 'active' ? t.member.cardActive(memberCard.daysLeft, formatYuan(memberCard.savedFen)) : t.member.cardHint} ›`}
        </Text>
      </View>
      <View className='card row member-entry js-message-centre-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.messageCentre })}>
        <Text>{t.messageCentre.entry}</Text>
        <View className='member-entry-end'>
          {unreadMessages > 0 ? <Text className='member-message-badge js-message-badge'>{t.messageCentre.unreadBadge(unreadMessages)}</Text> : null}
          <Text className='muted'>›</Text>
        </View>
      </View>
      <View className='card row member-entry js-invite-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.invite })}>
        <Text>{t.invite.entry}</Text>
        <Text className='muted'>{`${t.invite.hint} ›`}</Text>
      </View>
      <View className='card row member-entry js-favourites-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.favourites })}>
        <Text>{t.favourites.entry}</Text>
        <Text className='muted'>›</Text>
      </View>
      <View className='card row js-addresses-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.addresses() })}>
        <Text>{t.member.addressesEntry}</Text>
        <Text className='muted'>›</Text>
      </View>
    </View>
  );
}
