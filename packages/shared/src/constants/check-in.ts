export const CHECK_IN_AFTER_CYCLE = ['restart', 'hold'] as const;
export const CHECK_IN_CYCLES = ['streak', 'week', 'month'] as const;
/** The longest cycle (a calendar month): milestones and make-up limits cannot ask for more days than this. */
export const CHECK_IN_MAX_CYCLE_DAYS = 31;
