import { monthRange } from '@siyu/shared/business-day';
import { Text, View } from '@tarojs/components';
import { t } from '../i18n/zh-CN';
import { parseMonth, weekdayOf } from '../lib/format';
import './check-in-calendar.css';

interface Props {
  /** "YYYY-MM" */
  month: string;
  /** Today in the merchant's time zone, "YYYY-MM-DD". */
  today: string;
  checkedInDates: readonly string[];
  canGoNext: boolean;
  onPrev(): void;
  onNext(): void;
}

/** A month grid, Sunday first, with checked-in days marked and today ringed. */
export function CheckInCalendar({ month, today, checkedInDates, canGoNext, onPrev, onNext }: Props) {
  const { first, last } = monthRange(month);
  const { year, month: monthNumber } = parseMonth(month);
  const days = Number(last.slice(8, 10));
  const checked = new Set(checkedInDates);
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
                checked.has(cell.date) ? 'is-checked js-calendar-checked' : '',
                cell.date === today ? 'is-today' : '',
                cell.date > today ? 'is-future' : '',
              ].join(' ')}
            >
              <Text className='calendar-day-number'>{cell.day}</Text>
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
