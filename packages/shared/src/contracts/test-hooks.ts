import { z } from 'zod';
import { rule } from '../issues.js';
import { IsoInstant } from './common.js';

/**
 * The test-only hooks (`/__test/*`), mounted only when the server runs with TEST_HOOKS=1 and never in production:
 * end-to-end tests move the server's clock and run the due jobs at once.
 */
export const TestClockRequest = z
  .object({
    advanceMs: z
      .number()
      .int()
      .min(0)
      .max(10 * 366 * 24 * 3600_000)
      .optional()
      .meta({ description: 'move the clock forward by this many milliseconds' }),
    set: z.iso.datetime({ offset: true }).optional().meta({ description: 'stand the clock at this instant' }),
  })
  .strict()
  .refine((v) => (v.advanceMs === undefined) !== (v.set === undefined), { ...rule('either_or', 'send either advanceMs or set'), path: ['advanceMs'] })
  .meta({ id: 'TestClockRequest' });

export const TestClockState = z
  .object({ now: IsoInstant, offsetMs: z.number().int().meta({ description: 'how far the clock stands from the system clock' }) })
  .meta({ id: 'TestClockState' });

/** What running the due jobs did. */
export const TestJobsRunResult = z
  .object({
    now: IsoInstant,
    pointsMatured: z.number().int(),
    commissionSettled: z.number().int(),
    pointsExpired: z.number().int(),
    ordersClosed: z.number().int().meta({ description: 'unpaid orders past their payment window (points-plus-cash redemptions among them)' }),
    messagesSent: z.number().int().meta({ description: 'subscription messages the outbox sent through the platforms' }),
    eventDatesRolledUp: z.number().int().meta({ description: 'business dates whose event rollups were rebuilt' }),
    eventsPurged: z.number().int().meta({ description: 'raw events deleted past their retention' }),
    invitationRewardsGranted: z.number().int().meta({ description: 'inviters’ rewards granted once the refund window passed' }),
  })
  .meta({ id: 'TestJobsRunResult' });

export type TestClockRequest = z.output<typeof TestClockRequest>;
export type TestClockState = z.output<typeof TestClockState>;
export type TestJobsRunResult = z.output<typeof TestJobsRunResult>;
