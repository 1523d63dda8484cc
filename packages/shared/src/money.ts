/**
 * Money is an integer number of fen (1 yuan = 100 fen) everywhere but on screen.
 * These helpers never use floating-point arithmetic on amounts.
 */
export type Fen = number;

export function assertFen(value: number, what = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer number of fen, got ${value}`);
  return value;
}

/** 12345 -> "123.45"; -5 -> "-0.05". The one money formatter for display and for platforms that want yuan strings. */
export function fenToYuanString(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/** "¥123.45" for shoppers. */
export function formatYuan(fen: Fen): string {
  const s = fenToYuanString(fen);
  return s.startsWith('-') ? `-¥${s.slice(1)}` : `¥${s}`;
}

const YUAN_PATTERN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;
/** As the payment platforms write amounts: no sign, no leading zero, no space. */
const PLATFORM_YUAN_PATTERN = /^(0|[1-9]\d{0,12})(?:\.(\d{1,2}))?$/;

/** "88.8" -> 8880. Parses digit by digit; rejects anything with more than two decimals. */
export function yuanStringToFen(yuan: string): Fen {
  const m = YUAN_PATTERN.exec(yuan.trim());
  if (!m) throw new RangeError(`not a yuan amount: ${JSON.stringify(yuan)}`);
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + frac;
  return m[1] ? -fen : fen;
}

/**
 * A yuan amount as a payment platform sends it (Alipay's total_amount, refund_fee: "88.88", "88.8", "88") -> fen
 * exactly; null for anything else (a sign, a leading zero, a space, an exponent, a third decimal): an amount the
 * platform signed is never guessed at.
 */
export function platformYuanToFen(yuan: string): Fen | null {
  return PLATFORM_YUAN_PATTERN.test(yuan) ? yuanStringToFen(yuan) : null;
}

/** Sum of integer fen amounts, refusing anything that is not a safe integer. */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0;
  for (const a of amounts) total += assertFen(a);
  return assertFen(total, 'total');
}
