/**
 * Types the console reads, from @siyu/shared. The orders contract is growing (the platform an order was placed
 * from, discounts per order and line, breakdown lines with a code and a source): those fields are optional here,
 * so the console works against the API before and after they land.
 */
import type { BreakdownLine, Order as SharedOrder, OrderLine as SharedOrderLine, OrderSummary as SharedOrderSummary } from '@siyu/shared';

export type * from '@siyu/shared';

export type OrderPlatform = 'weapp' | 'alipay' | 'tt';

export type ConsoleBreakdownLine = BreakdownLine & { code?: string; source?: { type: string; id: number | string } | null };
export type ConsoleOrderLine = SharedOrderLine & { discountFen?: number; paidFen?: number };
type OrderExtras = { platform?: OrderPlatform | null; discountFen?: number };

export type ConsoleOrderSummary = Omit<SharedOrderSummary, 'lines'> & OrderExtras & { lines: ConsoleOrderLine[] };
export type ConsoleOrder = Omit<SharedOrder, 'lines' | 'breakdown'> & OrderExtras & { lines: ConsoleOrderLine[]; breakdown: ConsoleBreakdownLine[] };
export interface ConsoleOrderPage {
  items: ConsoleOrderSummary[];
  page: number;
  pageSize: number;
  total: number;
}

/** The order list's filters, as the API takes them (dates are business dates, inclusive). */
export interface OrderFilters {
  status?: string;
  orderNo?: string;
  memberId?: number;
  platform?: OrderPlatform;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}
