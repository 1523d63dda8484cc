import type { MyTier, Tier } from '@siyu/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { tierTone } from '../../../components/tier-card';
import { t } from '../../../i18n/zh-CN';
import { formatDateTime } from '../../../lib/format';
import { ROUTES } from '../../../lib/routes';
import '../member-pages.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; tiers: Tier[]; mine: MyTier };

/** A display benefit's icon: an image URL as it is, a known name as a glyph in a circle. */
function BenefitIcon({ icon }: { icon: string }) {
  if (/^https?:\/\//.test(icon)) return <Image className='benefit-icon' src={icon} mode='aspectFill' />;
  return (
    <View className='benefit-icon'>
      <Text>{t.tiers.icons[icon] ?? t.tiers.iconFallback}</Text>
    </View>
  );
}

/** The ladder: every tier with its threshold and benefits, the member's own highlighted, and the growth history link. */
export default function BenefitsPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const refresh = () => {
    Promise.all([api.tiers(), api.myTier()]).then(
      ([ladder, mine]) => setLoad({ state: 'ready', tiers: ladder.tiers, mine }),
      () => setLoad({ state: 'error' }),
    );
  };
  useDidShow(refresh);

  if (load.state === 'loading') return <View className='page state-line'>{t.common.loading}</View>;
  if (load.state === 'error')
    return (
      <View className='page'>
        <LoadError onRetry={refresh} />
      </View>
    );
  const { tiers, mine } = load;
  const percent = mine.next ? Math.floor(mine.next.progressBp / 100) : 100;
  return (
    <View className='page member-tiers'>
      <View className={`card tier-card js-benefits-mine ${tierTone(mine.tier.level)}`}>
        <View className='tier-card-head'>
          <Text className='tier-card-name js-tier-name'>{mine.tier.name}</Text>
          <View className='tier-growth-link js-growth-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.growth })}>
            <Text className='tier-card-link'>{`${t.tiers.growthEntry} ›`}</Text>
          </View>
        </View>
        <Text className='tier-card-growth js-tier-growth'>{t.tiers.growth(mine.growth)}</Text>
        <View className='tier-progress'>
          <View className='tier-progress-bar' style={{ width: `${percent}%` }} />
        </View>
        <Text className='tier-card-next js-tier-next'>{mine.next ? t.tiers.toNext(mine.next.growthNeeded, mine.next.tier.name) : t.tiers.top}</Text>
        {mine.heldUntil ? <Text className='tier-card-next'>{t.tiers.heldUntil(formatDateTime(mine.heldUntil).slice(0, 10))}</Text> : null}
      </View>
      <View className='state-line tiers-how'>{t.tiers.howToGrow}</View>
      {tiers.map((tier) => {
        const current = tier.level === mine.tier.level;
        return (
          <View key={tier.id} className={`card tier-row js-tier-row${current ? ' is-current js-tier-current' : ''}`}>
            <View className='tier-row-head'>
              <View className={`tier-dot ${tierTone(tier.level)}`} />
              <Text className='tier-row-name js-tier-row-name'>{tier.name}</Text>
              {current ? <Text className='tier-row-badge'>{t.tiers.current}</Text> : null}
              <Text className='muted tier-row-threshold'>{t.tiers.threshold(tier.growthThreshold)}</Text>
            </View>
            {tier.benefits.display.length === 0 ? <Text className='muted'>{t.tiers.noBenefits}</Text> : null}
            <View className='benefit-grid'>
              {tier.benefits.display.map((b) => (
                <View key={`${b.icon}-${b.text}`} className='benefit js-benefit'>
                  <BenefitIcon icon={b.icon} />
                  <Text className='benefit-text'>{b.text}</Text>
                </View>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
