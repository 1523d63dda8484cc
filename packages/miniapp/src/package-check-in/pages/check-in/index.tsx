import { monthOf } from '@siyu/shared/business-day';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { CheckInCalendar } from '../../components/check-in-calendar';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-check-in';
import { shiftMonth } from '../../../lib/format';
import { useCheckIn } from '../../../stores/check-in-store';
import './index.css';
import { useSubscriptionAsk } from '../../../lib/subscriptions';

export default function CheckInPage() {
  const status = useCheckIn((s) => s.status);
  const loading = useCheckIn((s) => s.loading);
  const error = useCheckIn((s) => s.error);
  const checkingIn = useCheckIn((s) => s.checkingIn);
  const lastResult = useCheckIn((s) => s.lastResult);
  const makingUp = useCheckIn((s) => s.makingUp);

  // Always the current month on arrival; the calendar's arrows load others.
  useDidShow(() => {
    void useCheckIn.getState().load();
  });

  const askSubscriptions = useSubscriptionAsk('after_check_in');
  const onCheckIn = async () => {
    const outcome = await useCheckIn.getState().checkIn();
    if (outcome.kind === 'checked-in') {
      // The reminder and points-expiry notices: asked once a day at most, from the tap.
      void askSubscriptions(`day:${new Date().toISOString().slice(0, 10)}`);
      const { reward, bonus } = outcome.result;
      void Taro.showToast({
        title: bonus ? `${t.checkIn.successToast(reward)}，${t.checkInCycles.bonusToast(bonus)}` : t.checkIn.successToast(reward),
        icon: 'none',
      });
      // A cumulative reward changes the milestones: read them again.
      if (bonus) void useCheckIn.getState().load(useCheckIn.getState().status?.month);
    } else if (outcome.kind === 'already') void Taro.showToast({ title: t.checkIn.alreadyToast, icon: 'none' });
    else void Taro.showToast({ title: t.checkIn.failed, icon: 'none' });
  };

  if (!status) {
    return (
      <View className='page checkin'>
        {error && !loading ? <LoadError onRetry={() => void useCheckIn.getState().load()} /> : <View className='state-line'>{t.common.loading}</View>}
      </View>
    );
  }

  const onMakeUp = async (date: string) => {
    const { makeUp } = status;
    const confirm = await Taro.showModal({
      title: t.checkInCycles.makeUpTitle,
      content: t.checkInCycles.makeUpConfirm(date, makeUp.costPoints, makeUp.left),
      confirmText: t.checkInCycles.makeUpConfirmButton,
      cancelText: t.checkInCycles.makeUpCancel,
    });
    if (!confirm.confirm) return;
    const outcome = await useCheckIn.getState().makeUp(date);
    if (outcome.kind === 'made-up') void Taro.showToast({ title: t.checkInCycles.makeUpDone(outcome.result.currentStreak), icon: 'none' });
    else if (outcome.kind === 'refused')
      void Taro.showToast({ title: t.checkInCycles.makeUpRefused[outcome.code] ?? t.checkInCycles.makeUpFailed, icon: 'none' });
    else void Taro.showToast({ title: t.checkInCycles.makeUpFailed, icon: 'none' });
  };

  const currentMonth = monthOf(status.businessDate);
  const { cycle, milestones, makeUp } = status;
  const cycleLength = cycle.start && cycle.end ? daysBetween(cycle.start, cycle.end) + 1 : 0;
  const lastMilestone = milestones.length > 0 ? Math.max(...milestones.map((m) => m.count)) : 0;
  const barLength = Math.max(lastMilestone, Math.min(cycle.count, cycleLength)) || 1;
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

      {cycle.start && cycle.end ? (
        <View className='card js-checkin-cycle'>
          <View className='cycle-head'>
            <Text className='card-title'>{t.checkInCycles.cycleTitle[cycle.kind]}</Text>
            <Text className='cycle-count js-cycle-count'>{t.checkInCycles.cycleCount(cycle.count)}</Text>
          </View>
          <Text className='muted cycle-range'>{t.checkInCycles.cycleRange(cycle.start, cycle.end)}</Text>
          {milestones.length > 0 ? (
            <View className='milestones'>
              <View className='milestone-bar'>
                <View className='milestone-fill' style={{ width: `${Math.min(100, (cycle.count / barLength) * 100)}%` }} />
                {milestones.map((m) => (
                  <View
                    key={m.count}
                    className={`milestone-dot${m.reached ? ' is-reached' : ''}`}
                    style={{ left: `${(m.count / barLength) * 100}%` }}
                  />
                ))}
              </View>
              <View className='milestone-list'>
                {milestones.map((m) => (
                  <View key={m.count} className={`milestone js-milestone-${m.count}${m.claimed ? ' is-claimed js-milestone-claimed' : ''}`}>
                    <Text className='milestone-days'>{t.checkInCycles.milestoneDays(m.count)}</Text>
                    <Text className='milestone-reward'>{t.checkInCycles.milestoneReward(m.points, m.growth)}</Text>
                    <Text className='milestone-state'>
                      {m.claimed ? t.checkInCycles.milestoneClaimed : t.checkInCycles.milestoneToGo(Math.max(0, m.count - cycle.count))}
                    </Text>
                  </View>
                ))}
              </View>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className='card checkin-calendar-card'>
        <CheckInCalendar
          month={status.month}
          today={status.businessDate}
          checkedInDates={status.checkedInDates}
          madeUpDates={status.madeUpDates}
          makeUpDates={makingUp ? [] : makeUp.days}
          onMakeUp={(date) => void onMakeUp(date)}
          canGoNext={status.month < currentMonth}
          onPrev={() => void useCheckIn.getState().load(shiftMonth(status.month, -1))}
          onNext={() => void useCheckIn.getState().load(shiftMonth(status.month, 1))}
        />
        <View className='calendar-legend'>
          <View className='legend-item'>
            <View className='legend-swatch is-checked' />
            <Text>{t.checkInCycles.legendChecked}</Text>
          </View>
          <View className='legend-item'>
            <View className='legend-swatch is-made-up' />
            <Text>{t.checkInCycles.legendMadeUp}</Text>
          </View>
          {makeUp.enabled ? (
            <View className='legend-item'>
              <View className='legend-swatch is-make-up' />
              <Text>{t.checkInCycles.legendMissed}</Text>
            </View>
          ) : null}
        </View>
        {makeUp.enabled ? (
          <View className='make-up-line js-make-up-summary'>
            <Text>
              {makingUp
                ? t.checkInCycles.makeUpBusy
                : makeUp.left > 0
                  ? t.checkInCycles.makeUpSummary(makeUp.left, makeUp.costPoints)
                  : t.checkInCycles.makeUpNoneLeft}
            </Text>
            {makeUp.days.length > 0 ? <Text className='muted make-up-hint'>{t.checkInCycles.makeUpHint}</Text> : null}
          </View>
        ) : null}
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
        {t.checkInCycles.rulesCycle[cycle.kind] ? <Text className='muted rules-note'>{t.checkInCycles.rulesCycle[cycle.kind]}</Text> : null}
        {milestones.length > 0 ? (
          <Text className='muted rules-note'>
            {t.checkInCycles.rulesMilestones(milestones.map((m) => t.checkInCycles.rulesMilestoneItem(m.count, m.points, m.growth)).join('、'))}
          </Text>
        ) : null}
        {makeUp.enabled ? (
          <Text className='muted rules-note'>{t.checkInCycles.rulesMakeUp(makeUp.costPoints, makeUp.maxPerCycle, makeUp.payReward)}</Text>
        ) : null}
      </View>
    </View>
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Which day of the reward cycle the current streak stands on (1-based), for highlighting. */
function cycleDay(status: { streak: number; rules: { afterCycle: string } }, cycleLength: number): number {
  if (status.streak <= cycleLength) return status.streak;
  return status.rules.afterCycle === 'restart' ? ((status.streak - 1) % cycleLength) + 1 : cycleLength;
}
