import { monthOf } from '@siyu/shared/business-day';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { CheckInCalendar } from '../../components/check-in-calendar';
import { LoadError } from '../../components/load-error';
import { t } from '../../i18n/zh-CN';
import { shiftMonth } from '../../lib/format';
import { useCheckIn } from '../../stores/check-in-store';
import './index.css';

export default function CheckInPage() {
  const status = useCheckIn((s) => s.status);
  const loading = useCheckIn((s) => s.loading);
  const error = useCheckIn((s) => s.error);
  const checkingIn = useCheckIn((s) => s.checkingIn);
  const lastResult = useCheckIn((s) => s.lastResult);

  // Always the current month on arrival; the calendar's arrows load others.
  useDidShow(() => {
    void useCheckIn.getState().load();
  });

  const onCheckIn = async () => {
    const outcome = await useCheckIn.getState().checkIn();
    if (outcome.kind === 'checked-in') void Taro.showToast({ title: t.checkIn.successToast(outcome.result.reward), icon: 'none' });
    else if (outcome.kind === 'already') void Taro.showToast({ title: t.checkIn.alreadyToast, icon: 'none' });
    else void Taro.showToast({ title: t.checkIn.failed, icon: 'none' });
  };

  if (!status) {
    return (
      <View className='page checkin'>
        {error && !loading ? <LoadError onRetry={() => void useCheckIn.getState().load()} /> : <View className='state-line'>{t.common.loading}</View>}
      </View>
    );
  }

  const currentMonth = monthOf(status.businessDate);
  const { rewards, afterCycle } = status.rules;
  const lastReward = rewards[rewards.length - 1] ?? 0;
  const showResult = lastResult && lastResult.businessDate === status.businessDate;

  return (
    <View className='page checkin'>
      <View className='card checkin-hero'>
        <Text className='checkin-streak js-checkin-streak'>{t.checkIn.streak(status.streak)}</Text>
        <View className='checkin-rewards'>
          <Text className='checkin-reward'>
            {status.checkedInToday ? t.checkIn.todayRewardDone(status.todayReward) : t.checkIn.todayReward(status.todayReward)}
          </Text>
          <Text className='checkin-reward muted'>{t.checkIn.tomorrowReward(status.tomorrowReward)}</Text>
        </View>
        {/* H5's web-component button breaks when its children change shape (keep one Text), and reflects
            disabled={false} as a [disabled] attribute that greys it out (pass undefined instead). */}
        <Button
          className={`primary-button checkin-button js-checkin-button${status.checkedInToday || checkingIn ? ' is-disabled' : ''}`}
          disabled={status.checkedInToday || checkingIn || undefined}
          onClick={status.checkedInToday || checkingIn ? undefined : onCheckIn}
        >
          <Text className={status.checkedInToday ? 'js-checked-in-today' : 'checkin-button-label'}>
            {status.checkedInToday ? t.checkIn.checkedInToday : checkingIn ? t.checkIn.buttonBusy : t.checkIn.button}
          </Text>
        </Button>
        {showResult ? <Text className='checkin-result js-checkin-result'>{t.checkIn.success(lastResult.reward)}</Text> : null}
      </View>

      <View className='card'>
        <CheckInCalendar
          month={status.month}
          today={status.businessDate}
          checkedInDates={status.checkedInDates}
          canGoNext={status.month < currentMonth}
          onPrev={() => void useCheckIn.getState().load(shiftMonth(status.month, -1))}
          onNext={() => void useCheckIn.getState().load(shiftMonth(status.month, 1))}
        />
      </View>

      <View className='card'>
        <Text className='card-title'>{t.checkIn.rulesTitle}</Text>
        <View className='rules-grid'>
          {rewards.map((points, i) => (
            <View
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list whose items have no identity but their position
              key={i}
              className={`rules-cell${status.streak > 0 && cycleDay(status, rewards.length) === i + 1 ? ' is-current' : ''}`}
            >
              <Text className='rules-day'>{t.checkIn.ruleDay(i + 1)}</Text>
              <Text className='rules-points'>{t.checkIn.ruleReward(points)}</Text>
            </View>
          ))}
        </View>
        <Text className='muted rules-note'>
          {afterCycle === 'restart' ? t.checkIn.afterCycleRestart(rewards.length) : t.checkIn.afterCycleHold(rewards.length, lastReward)}
        </Text>
        <Text className='muted rules-note'>{t.checkIn.missedResets}</Text>
      </View>
    </View>
  );
}

/** Which day of the reward cycle the current streak stands on (1-based), for highlighting. */
function cycleDay(status: { streak: number; rules: { afterCycle: string } }, cycleLength: number): number {
  if (status.streak <= cycleLength) return status.streak;
  return status.rules.afterCycle === 'restart' ? ((status.streak - 1) % cycleLength) + 1 : cycleLength;
}
