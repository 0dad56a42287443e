import type { DatePeriod } from '../../shared/periods/date-periods';
import type { DashboardStringKey } from './en';

/** The string naming each of the 18 CustomerSure periods. */
export const PERIOD_LABELS: Record<DatePeriod, DashboardStringKey> = {
  '7-days': 'periodLast7Days',
  '30-days': 'periodLast30Days',
  '3-months': 'periodLast3Months',
  '6-months': 'periodLast6Months',
  '12-months': 'periodLast12Months',
  current_week: 'periodThisWeek',
  current_month: 'periodThisMonth',
  current_quarter: 'periodThisQuarter',
  current_year: 'periodThisYear',
  last_week: 'periodLastWeek',
  last_month: 'periodLastMonth',
  last_quarter: 'periodLastQuarter',
  last_year: 'periodLastYear',
  yesterday: 'periodYesterday',
  day_before_yesterday: 'periodDayBeforeYesterday',
  week_before_last: 'periodWeekBeforeLast',
  month_before_last: 'periodMonthBeforeLast',
  year_before_last: 'periodYearBeforeLast',
};
