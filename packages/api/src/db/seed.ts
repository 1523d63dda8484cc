import { createCheckInService, DEFAULT_CHECK_IN_RULES } from '../modules/check-in/index.js';
import { createPointsService } from '../modules/points/index.js';
import { createStaffService } from '../modules/staff/index.js';
import { createMembersService } from '../modules/members/index.js';
import { ManualClock, type Clock } from '../lib/clock.js';
import { addDays, businessDateOf } from '@siyu/shared/business-day';
import type { DB } from './connection.js';

export const DEMO_STAFF = [
  { username: 'owner', displayName: '店长 林晓', role: 'owner', password: 'siyu-owner-demo' },
  { username: 'operator', displayName: '运营 王芳', role: 'operator', password: 'siyu-operator-demo' },
  { username: 'viewer', displayName: '财务 陈杰', role: 'viewer', password: 'siyu-viewer-demo' },
] as const;

const DEMO_MEMBERS = [
  { user: 'demo-xiaomei', platform: 'weapp', nickname: '小美爱喝茶', streakDays: 6 },
  { user: 'demo-ajie', platform: 'alipay', nickname: '阿杰', streakDays: 2 },
  { user: 'demo-tangtang', platform: 'tt', nickname: '糖糖不吃糖', streakDays: 12 },
] as const;

/**
 * Believable demo data for the embedded default: the merchant's staff, the check-in table,
 * members on each platform with check-in history. Runs only when the database has no staff yet.
 * Never used by tests (they build their own data with factories).
 */
export async function seedDemoData(db: DB, clock: Clock, timeZone: string): Promise<{ seeded: boolean }> {
  const existing = await db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false };

  const staff = createStaffService({ db, clock });
  let ownerId = 0;
  for (const s of DEMO_STAFF) {
    const id = await staff.create({ ...s });
    if (s.role === 'owner') ownerId = id;
  }
  const points = createPointsService();
  const checkInAt = (c: Clock) => createCheckInService({ db, clock: c, timeZone, points });
  await checkInAt(clock).updateRules(DEFAULT_CHECK_IN_RULES, ownerId);

  const members = createMembersService({ db, clock });
  const today = businessDateOf(clock.now(), timeZone);
  for (const m of DEMO_MEMBERS) {
    const { memberId } = await members.findOrCreateByIdentity(
      { platform: m.platform, openId: `seed-${m.user}`, unionId: null, sessionKey: null },
      `seed-${m.platform}`,
    );
    await db.updateTable('members').set({ nickname: m.nickname }).where('id', '=', memberId).execute();
    // Check in on the days leading up to yesterday, at 09:30 Beijing time.
    for (let d = m.streakDays; d >= 1; d -= 1) {
      const day = addDays(today, -d);
      await checkInAt(new ManualClock(`${day}T01:30:00.000Z`)).checkIn(memberId);
    }
  }
  return { seeded: true };
}
