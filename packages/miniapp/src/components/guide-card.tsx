import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { t } from '../i18n/zh-CN';

/**
 * The shopping guide (导购) the member is bound to, on the home page: one small read per member, nothing shown when
 * there is no guide or the answer does not come (decision 036).
 */
export function GuideCard({ memberId }: { memberId: number | null }) {
  const [guide, setGuide] = useState<{ name: string; storeName: string } | null>(null);
  useEffect(() => {
    if (memberId === null) return;
    let live = true;
    api.myGuide().then(
      (r) => live && setGuide(r.guide),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [memberId]);
  if (!guide) return null;
  return (
    <View className='card home-guide js-home-guide'>
      <Text className='home-guide-name'>{t.home.guideCard(guide.name, guide.storeName)}</Text>
      <Text className='muted'>{t.home.guideCardHint}</Text>
    </View>
  );
}
