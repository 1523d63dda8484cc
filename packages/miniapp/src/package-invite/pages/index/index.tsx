import type { InvitationLeaderboard, InvitationRulesView, MyInvitations } from '@siyu/shared';
import { Button, Image, Text, View } from '@tarojs/components';
import { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-invite';
import { ROUTES } from '../../../lib/routes';
import './index.css';

type Loaded = { rules: InvitationRulesView; mine: MyInvitations; board: InvitationLeaderboard };
type Poster = { state: 'none' } | { state: 'making' } | { state: 'failed' } | { state: 'ready'; image: string };

const rewardText = (r: { points: number; couponTemplateIds: number[]; growth?: number }) => {
  const parts = [
    r.points > 0 ? t.invite.points(r.points) : '',
    r.couponTemplateIds.length > 0 ? t.invite.coupons(r.couponTemplateIds.length) : '',
    r.growth ? t.invite.growth(r.growth) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' + ') : t.invite.nothing;
};

/**
 * 邀请有礼 (decision 035): the rules, the invitation poster with the platform's real code, my invitations with each
 * reward's state, and the month's leaderboard (names masked). The share card and the poster carry a share id the
 * server issued; a friend who opens either and logs in for the first time is bound to the sharer.
 */
export default function InvitePage() {
  const [load, setLoad] = useState<{ state: 'loading' } | { state: 'error' } | ({ state: 'ready' } & Loaded)>({ state: 'loading' });
  const [cardShareId, setCardShareId] = useState<string | null>(null);
  const [poster, setPoster] = useState<Poster>({ state: 'none' });

  const fetchAll = () => {
    Promise.all([api.invitationRules(), api.myInvitations(), api.invitationLeaderboard()]).then(
      ([rules, mine, board]) => setLoad({ state: 'ready', rules, mine, board }),
      () => setLoad({ state: 'error' }),
    );
    if (!cardShareId)
      void api
        .issueShare({ kind: 'invitation', channel: 'card' })
        .then((s) => setCardShareId(s.shareId))
        .catch(() => undefined);
  };
  useDidShow(fetchAll);

  useShareAppMessage(() => ({ title: t.invite.shareTitle, path: `${ROUTES.home}${cardShareId ? `?s=${cardShareId}` : ''}` }));

  const makePoster = async () => {
    if (poster.state === 'making') return;
    setPoster({ state: 'making' });
    try {
      const share = await api.issueShare({ kind: 'invitation', channel: 'poster' });
      const code = await api.shareCode(share.shareId);
      setPoster({ state: 'ready', image: code.image });
    } catch {
      setPoster({ state: 'failed' });
    }
  };

  if (load.state === 'loading') return <View className='page invite-page muted'>…</View>;
  if (load.state === 'error')
    return (
      <View className='page invite-page'>
        <LoadError onRetry={fetchAll} />
      </View>
    );
  const { rules, mine, board } = load;
  return (
    <View className='page invite-page js-invite-page'>
      <View className='card invite-rules js-invite-rules'>
        <Text className='invite-heading'>{t.invite.rulesTitle}</Text>
        {rules.enabled ? (
          <View>
            <View className='invite-rule'>
              <Text className='muted'>{t.invite.inviterGets}</Text>
              <Text className='invite-reward js-inviter-reward'>{rewardText(rules.inviterReward)}</Text>
            </View>
            <View className='invite-rule'>
              <Text className='muted'>{t.invite.inviteeGets}</Text>
              <Text className='invite-reward'>{rewardText(rules.inviteeWelcome)}</Text>
            </View>
            <Text className='muted invite-note'>{t.invite.windowRule(rules.refundWindowDays)}</Text>
            <Text className='muted invite-note'>{t.invite.capRule(rules.dailyCapPerInviter)}</Text>
            {rules.requirePhone ? <Text className='muted invite-note'>{t.invite.phoneRule}</Text> : null}
          </View>
        ) : (
          <Text className='muted'>{t.invite.off}</Text>
        )}
        <View className='invite-actions'>
          <Button className='primary-button invite-button js-invite-poster' onClick={() => void makePoster()}>
            <Text>{t.invite.posterButton}</Text>
          </Button>
          <Button className='invite-button invite-share js-invite-share' openType='share'>
            <Text>{t.invite.shareButton}</Text>
          </Button>
        </View>
      </View>

      {poster.state === 'ready' ? (
        <View className='card invite-poster js-invite-poster-card'>
          <Text className='invite-poster-title'>{t.invite.posterTitle}</Text>
          <Text className='muted'>{t.app.name}</Text>
          <Image className='invite-code js-invite-code' src={poster.image} mode='scaleToFill' showMenuByLongpress />
          <Text className='muted invite-note'>{t.invite.posterHint}</Text>
        </View>
      ) : null}
      {poster.state === 'failed' ? <Text className='muted invite-note js-invite-poster-failed'>{t.invite.posterFailed}</Text> : null}

      <View className='card js-invite-mine'>
        <Text className='invite-heading'>{t.invite.mineTitle}</Text>
        <Text className='muted invite-note js-invite-summary'>{t.invite.mineSummary(mine.invited, mine.pending, mine.granted)}</Text>
        <Text className='invite-earned js-invite-earned'>{t.invite.earned(mine.pointsEarned)}</Text>
        {mine.items.length === 0 ? <Text className='muted invite-note'>{t.invite.empty}</Text> : null}
        {mine.items.map((i) => (
          <View key={i.id} className='row invite-item js-invite-item'>
            <Text className='invite-name'>{i.inviteeName}</Text>
            <Text className={`invite-status is-${i.status} js-invite-status`}>{t.invite.status[i.status]}</Text>
          </View>
        ))}
      </View>

      <View className='card js-invite-board'>
        <Text className='invite-heading'>{t.invite.boardTitle}</Text>
        <Text className='muted invite-note'>{t.invite.myRank(board.mine.rank, board.mine.invited)}</Text>
        {board.items.length === 0 ? <Text className='muted invite-note'>{t.invite.boardEmpty}</Text> : null}
        {board.items.map((r) => (
          <View key={r.rank} className={`row invite-item${r.me ? ' is-me' : ''}`}>
            <Text className='invite-rank'>{r.rank}</Text>
            <Text className='invite-name'>{r.name}</Text>
            <Text className='muted'>{t.invite.rankInvited(r.invited)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
