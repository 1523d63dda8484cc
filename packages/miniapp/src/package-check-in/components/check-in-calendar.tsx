import { monthRange } from '@siyu/shared/business-day';
import { Text, View } from '@tarojs/components';
import { t } from '../../i18n/package-check-in';
import { parseMonth, weekdayOf } from '../../lib/format';
import './check-in-calendar.css';

interface Props {
  /** "YYYY-MM" */
  month: string;
  /** Today in the merchant's time zone, "YYYY-MM-DD". */
  today: string;
  checkedInDates: readonly string[];
  /** Days that were made up (补签), shown apart from days kept. */
  madeUpDates?: readonly string[];
  /** Missed days the member can make up now; tapping one calls onMakeUp. */
  makeUpDates?: readonly string[];
  onMakeUp?(date: string): void;
  canGoNext: boolean;
  onPrev(): void;
  onNext(): void;
}

/** A month grid, Sunday first, with checked-in and made-up days marked, missed days that can be made up ringed, and today ringed. */
export function CheckInCalendar({ month, today, checkedInDates, madeUpDates = [], makeUpDates = [], onMakeUp, canGoNext, onPrev, onNext }: Props) {
  const { first, last } = monthRange(month);
  const { year, month: monthNumber } = parseMonth(month);
  const days = Number(last.slice(8, 10));
  const checked = new Set(checkedInDates);
  const madeUp = new Set(madeUpDates);
  const makeUp = new Set(makeUpDates);
  const cells: Array<{ date: string; day: number } | null> = [];
  for (let i = 0; i < weekdayOf(first); i++) cells.push(null);
  for (let day = 1; day <= days; day++) cells.push({ date: `${month}-${day < 10 ? '0' : ''}${day}`, day });

  return (
    <View className='calendar'>
      <View className='calendar-head'>
        <View className='calendar-nav js-calendar-prev' onClick={onPrev} ariaLabel={t.checkIn.prevMonth}>
          <Text>‹</Text>
        </View>
        <Text className='calendar-title'>{t.checkIn.calendarTitle(year, monthNumber)}</Text>
        <View
          className={`calendar-nav js-calendar-next${canGoNext ? '' : ' is-disabled'}`}
          onClick={canGoNext ? onNext : undefined}
          ariaLabel={t.checkIn.nextMonth}
        >
          <Text>›</Text>
        </View>
      </View>
      <View className='calendar-grid'>
        {t.checkIn.weekdays.map((w) => (
          <View key={w} className='calendar-cell calendar-weekday'>
            <Text>{w}</Text>
          </View>
        ))}
        {cells.map((cell, i) =>
          cell ? (
            <View
              key={cell.date}
              className={[
                'calendar-cell',
                'calendar-day',
                `js-day-${cell.date}`,
                checked.has(cell.date) ? 'is-checked js-calendar-checked' : '',
                madeUp.has(cell.date) ? 'is-made-up js-calendar-made-up' : '',
                makeUp.has(cell.date) ? 'is-make-up js-calendar-make-up' : '',
                cell.date === today ? 'is-today' : '',
                cell.date > today ? 'is-future' : '',
              ].join(' ')}
              onClick={makeUp.has(cell.date) && onMakeUp ? () => onMakeUp(cell.date) : undefined}
              ariaLabel={makeUp.has(cell.date) ? t.checkInCycles.legendMissed : undefined}
            >
              <Text className='calendar-day-number'>{cell.day}</Text>
              {madeUp.has(cell.date) ? <Text className='calendar-day-mark'>{t.checkInCycles.madeUpMark}</Text> : null}
            </View>
          ) : (
            <View
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list whose items have no identity but their position
              key={`blank-${i}`}
              className='calendar-cell'
            />
          ),
        )}
      </View>
    </View>
  );
}
