import { describe, expect, it } from 'vitest';
import {
  addDays,
  businessDateOf,
  fenToYuanString,
  formatYuan,
  monthRange,
  platformYuanToFen,
  sumFen,
  yuanStringToFen,
  ERROR_STATUS,
  statusOf,
  isBusinessDate,
  startOfBusinessDay,
} from '../src/index.js';

describe('business day', () => {
  it('is the calendar date in Asia/Shanghai by default', () => {
    expect(businessDateOf(new Date('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
    expect(businessDateOf(new Date('2026-11-22T16:00:00.000Z'))).toBe('2026-11-23');
    expect(businessDateOf(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });
  it('follows other zones, including daylight saving', () => {
    expect(businessDateOf(new Date('2026-11-22T04:59:59Z'), 'America/New_York')).toBe('2026-11-21');
    expect(businessDateOf(new Date('2026-07-01T03:59:59Z'), 'America/New_York')).toBe('2026-06-30');
    expect(businessDateOf(new Date('2026-07-01T04:00:00Z'), 'America/New_York')).toBe('2026-07-01');
  });
  it('does calendar arithmetic and month ranges', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(monthRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(isBusinessDate('2026-02-30')).toBe(false);
  });
  it('knows the instant a business day starts, in any zone', () => {
    expect(startOfBusinessDay('2026-11-22').toISOString()).toBe('2026-11-21T16:00:00.000Z');
    expect(startOfBusinessDay('2026-01-01', 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(startOfBusinessDay('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(startOfBusinessDay('2026-12-01', 'America/New_York').toISOString()).toBe('2026-12-01T05:00:00.000Z');
    // The day daylight saving starts (02:00 jumps to 03:00) still begins at midnight.
    expect(startOfBusinessDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfBusinessDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfBusinessDay('2026-04-01', 'Asia/Kathmandu').toISOString()).toBe('2026-03-31T18:15:00.000Z');
  });
});

describe('money in fen', () => {
  it('formats and parses without floats', () => {
    expect(fenToYuanString(12345)).toBe('123.45');
    expect(fenToYuanString(5)).toBe('0.05');
    expect(fenToYuanString(-5)).toBe('-0.05');
    expect(formatYuan(8880)).toBe('¥88.80');
    expect(yuanStringToFen('88.8')).toBe(8880);
    expect(yuanStringToFen('0.07')).toBe(7);
    expect(yuanStringToFen('1')).toBe(100);
    expect(() => yuanStringToFen('1.005')).toThrow();
    expect(() => yuanStringToFen('abc')).toThrow();
    expect(sumFen([10, 20, 30])).toBe(60);
    expect(() => sumFen([0.1, 0.2])).toThrow();
  });

  it('reads a platform’s yuan amount exactly, or not at all', () => {
    expect(['88.88', '88.8', '88', '0.07', '0'].map(platformYuanToFen)).toEqual([8888, 8880, 8800, 7, 0]);
    for (const bad of ['-1.00', '01.00', ' 1.00', '1.001', '1e2', '1.', '.5', '']) expect(platformYuanToFen(bad)).toBeNull();
  });
});

describe('error codes', () => {
  it('map to HTTP statuses', () => {
    expect(statusOf('VALIDATION_FAILED')).toBe(400);
    expect(statusOf('RATE_LIMITED')).toBe(429);
    expect(Object.values(ERROR_STATUS).every((s) => s >= 400 && s < 600)).toBe(true);
  });
});
