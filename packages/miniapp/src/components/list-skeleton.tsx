import { View } from '@tarojs/components';
import { t } from '../i18n/zh-CN';
import './list-skeleton.css';

/**
 * Grey shimmering cards standing in for a list while its first page loads (instead of a bare 加载中…): `thumb` for
 * lists whose rows show an image (orders, the mall, redemptions), without it for lines of text (points, growth).
 */
const ROWS = ['a', 'b', 'c', 'd', 'e'];

export function ListSkeleton({ rows = 3, thumb = true }: { rows?: number; thumb?: boolean }) {
  return (
    <View className='list-skeleton js-list-skeleton' ariaLabel={t.common.loading}>
      {ROWS.slice(0, rows).map((row) => (
        <View key={row} className='card list-skeleton-card'>
          {thumb ? <View className='list-skeleton-thumb list-skeleton-shine' /> : null}
          <View className='list-skeleton-text'>
            <View className='list-skeleton-line list-skeleton-shine' />
            <View className='list-skeleton-line is-wide list-skeleton-shine' />
            <View className='list-skeleton-line is-short list-skeleton-shine' />
          </View>
        </View>
      ))}
    </View>
  );
}
