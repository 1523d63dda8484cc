import { z } from 'zod';
import { CursorQuery, Id, IsoInstant, Points } from './common.js';

export const POINTS_REASONS = ['check_in', 'adjustment'] as const;

export const PointsEntry = z
  .object({
    id: Id,
    delta: Points,
    reason: z.enum(POINTS_REASONS),
    sourceKey: z.string(),
    note: z.string().nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'PointsEntry' });

export const PointsLedgerQuery = CursorQuery;

export const PointsLedgerPage = z
  .object({
    balance: Points,
    entries: z.array(PointsEntry),
    nextCursor: Id.nullable(),
  })
  .meta({ id: 'PointsLedgerPage' });

export type PointsEntry = z.output<typeof PointsEntry>;
export type PointsLedgerPage = z.output<typeof PointsLedgerPage>;
