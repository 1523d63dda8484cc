import type { MyTier } from '@siyu/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/client';
import { t } from '../i18n/zh-CN';
import { ROUTES } from '../lib/routes';
import './tier-card.css';

/** The card's colours by level: 普通, 银卡, 金卡, 钻石, then the last again. */
export function tierTone(level: number): string {
  return `tier-tone-${Math.min(Math.max(level, 0), 3)}`;
}

/**
 * The member's tier on the member page: name, growth, progress to the next tier and what it takes. Tap: the benefits
 * page. Loads itself each time the page shows (a payment may have moved the tier); hidden until the first answer.
 */
export function TierCard() {
  const [mine, setMine] = useState<MyTier | null>(null);
  useDidShow(() => {
    api.myTier().then(setMine, () => undefined);
  });
  if (!mine) return null;
  const percent = mine.next ? Math.floor(mine.next.progressBp / 100) : 100;
  return (
    <View className={`card tier-card js-tier-card ${tierTone(mine.tier.level)}`} onClick={() => void Taro.navigateTo({ url: ROUTES.benefits })}>
      <View className='tier-card-head'>
        <Text className='tier-card-name js-tier-name'>{mine.tier.name}</Text>
        <Text className='tier-card-link'>{`${t.tiers.benefitsEntry} ›`}</Text>
      </View>
      <Text className='tier-card-growth js-tier-growth'>{t.tiers.growth(mine.growth)}</Text>
      <View className='tier-progress js-tier-progress'>
        <View className='tier-progress-bar' style={{ width: `${percent}%` }} />
      </View>
      <Text className='tier-card-next js-tier-next'>{mine.next ? t.tiers.toNext(mine.next.growthNeeded, mine.next.tier.name) : t.tiers.top}</Text>
    </View>
  );
}
