import { fenToYuanString, localDateTime, type OrderSummary } from '@siyu/shared';
import { stringify } from 'csv-stringify/sync';
import { zhCN } from '../../i18n/zh-CN.js';

/** Spreadsheet programs run a cell that starts with one of these as a formula: such text is written with a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;
const cell = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/**
 * The merchant's order export as CSV text, a batch of orders at a time: UTF-8 with a byte-order mark (so Excel opens
 * the Chinese headers right), money in yuan, times in the merchant's time zone.
 */
export async function* orderCsvChunks(batches: AsyncIterable<OrderSummary[]>, timeZone: string): AsyncGenerator<string> {
  yield `\ufeff${stringify([zhCN.orderExportColumns])}`;
  const at = (iso: string | null) => (iso ? localDateTime(iso, timeZone) : '');
  for await (const orders of batches) {
    yield stringify(
      orders.map((o) => [
        o.orderNo,
        at(o.createdAt),
        zhCN.orderStatus[o.status],
        o.platform ? zhCN.platform[o.platform] : '',
        String(o.memberId),
        cell(
          o.lines.map((l) => `${l.title}${Object.values(l.specs).length ? `（${Object.values(l.specs).join('/')}）` : ''}×${l.quantity}`).join('；'),
        ),
        String(o.lines.reduce((n, l) => n + l.quantity, 0)),
        fenToYuanString(o.itemsFen),
        fenToYuanString(o.shippingFen),
        fenToYuanString(o.discountFen),
        fenToYuanString(o.payableFen),
        fenToYuanString(o.refundedFen),
        o.paymentPlatform && o.paymentPlatform in zhCN.platform ? zhCN.platform[o.paymentPlatform as keyof typeof zhCN.platform] : '',
        at(o.paidAt),
        cell(o.carrier ?? ''),
        cell(o.trackingNo ?? ''),
        cell(o.remark ?? ''),
      ]),
    );
  }
}
