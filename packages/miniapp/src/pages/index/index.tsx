import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { LoadError } from '../../components/load-error'
import { t } from '../../i18n/zh-CN'
import { useCheckIn } from '../../stores/check-in-store'
import { useSession } from '../../stores/session-store'
import './index.css'

/** The storefront's front door: who you are, your points, today's check-in, and room for what comes next. */
export default function HomePage() {
  const member = useSession((s) => s.member)
  const sessionStatus = useSession((s) => s.status)
  const checkIn = useCheckIn((s) => s.status)

  const refresh = () => {
    useSession
      .getState()
      .refreshMember()
      .catch(() => undefined)
    void useCheckIn.getState().load()
  }
  useDidShow(refresh)

  const openCheckIn = () => {
    void Taro.navigateTo({ url: '/pages/check-in/index' })
  }

  return (
    <View className='page home'>
      <View className='home-hero'>
        <Text className='home-greeting'>{member ? t.home.greeting(member.nickname) : t.home.greetingAnonymous}</Text>
        <View className='home-points'>
          <Text className='home-points-label'>{t.home.pointsLabel}</Text>
          {member ? (
            <Text className='home-points-value js-points-balance'>{member.pointsBalance}</Text>
          ) : (
            <Text className='home-points-value'>--</Text>
          )}
        </View>
      </View>

      {sessionStatus === 'error' && !member ? <LoadError onRetry={refresh} /> : null}

      <View className='card home-checkin js-home-checkin-entry' onClick={openCheckIn}>
        <View className='home-checkin-text'>
          <Text className='card-title'>{t.home.checkInCardTitle}</Text>
          <Text className='muted'>
            {checkIn ? (checkIn.checkedInToday ? t.checkIn.checkedInToday : t.checkIn.todayReward(checkIn.todayReward)) : t.home.checkInCardHint}
          </Text>
        </View>
        <View className={`home-checkin-action${checkIn?.checkedInToday ? ' is-done' : ''}`}>
          <Text>{checkIn?.checkedInToday ? t.checkIn.streak(checkIn.streak) : t.home.checkInCardAction}</Text>
        </View>
      </View>

      <View className='card'>
        <Text className='card-title'>{t.home.couponsTitle}</Text>
        <View className='empty-box'>
          <Text>{t.home.couponsEmpty}</Text>
        </View>
      </View>

      <View className='card'>
        <Text className='card-title'>{t.home.recommendTitle}</Text>
        <View className='empty-box'>
          <Text>{t.home.recommendEmpty}</Text>
        </View>
      </View>
    </View>
  )
}
