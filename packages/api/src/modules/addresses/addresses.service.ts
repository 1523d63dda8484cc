import { MAX_ADDRESSES_PER_MEMBER, type Address, type NewAddress, type ShippingAddressSnapshot, type UpdateAddress } from '@siyu/shared';
import { findRegion } from '@siyu/shared/regions';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation, lockForTransaction } from '../../db/dialect.js';
import type { AddressesTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { inTransaction, type Executor } from '../../lib/transaction.js';
import * as repo from './addresses.repository.js';

/**
 * The province, city and district must name a region of the bundled data set, each inside the one before (decision
 * 022): a 400 names the first field that does not. Addresses stored before the check stay as they are until their
 * region is changed.
 */
function assertKnownRegion(province: string, city: string, district: string): void {
  const found = findRegion(province, city, district);
  if (found.ok) return;
  const message = {
    province: `unknown province "${province}"`,
    city: `"${city}" is not a city of ${province}`,
    district: `"${district}" is not a district of ${province} ${city}`,
  }[found.field];
  throw new AppError('VALIDATION_FAILED', message, { issues: [{ field: found.field, code: 'unknown_region', message }] });
}

type Row = Pick<AddressesTable, 'name' | 'phone' | 'province' | 'city' | 'district' | 'detail' | 'is_default' | 'created_at'> & { id: number };

function toAddress(r: Row): Address {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    province: r.province,
    city: r.city,
    district: r.district,
    detail: r.detail,
    isDefault: r.is_default === 1,
    createdAt: r.created_at,
  };
}

const notFound = (id: number) => new AppError('NOT_FOUND', `address ${id} not found`);

export interface AddressesService {
  list(memberId: number): Promise<{ items: Address[] }>;
  get(memberId: number, id: number): Promise<Address>;
  /**
   * The first address becomes the default.
   */
  create(memberId: number, input: NewAddress): Promise<Address>;
  update(memberId: number, id: number, input: UpdateAddress): Promise<Address>;
  remove(memberId: number, id: number): Promise<void>;
  /**
   * For checkout: the member's own address as a snapshot, or NOT_FOUND (another member's id included).
   */
  snapshot(executor: Executor, memberId: number, id: number): Promise<ShippingAddressSnapshot>;
}

export function createAddressesService({ db, clock }: { db: DB; clock: Clock }): AddressesService {
  /**
   * Every change to one member's addresses runs under that member's lock, so the count limit and the
   * single default hold under concurrency; the partial unique index is the last word on the default.
   */
  async function forMember<T>(memberId: number, work: (trx: Executor, at: string) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(db, async (trx) => {
        await lockForTransaction(trx, 'addresses', memberId);
        return work(trx, clock.now().toISOString());
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'another change to your addresses happened at the same time; try again');
      throw err;
    }
  }

  return {
    async list(memberId: number): Promise<{ items: Address[] }> {
      return { items: (await repo.listAddresses(db, memberId)).map(toAddress) };
    },

    async get(memberId: number, id: number): Promise<Address> {
      const row = await repo.findAddress(db, memberId, id);
      if (!row) throw notFound(id);
      return toAddress(row);
    },

    /** The first address becomes the default. */
    create(memberId: number, input: NewAddress): Promise<Address> {
      assertKnownRegion(input.province, input.city, input.district);
      return forMember(memberId, async (trx, at) => {
        const count = await repo.countAddresses(trx, memberId);
        if (count >= MAX_ADDRESSES_PER_MEMBER) throw new AppError('LIMIT_REACHED', `at most ${MAX_ADDRESSES_PER_MEMBER} addresses; delete one first`);
        const makeDefault = input.isDefault || count === 0;
        if (makeDefault) await repo.clearDefault(trx, memberId, at);
        const { isDefault: _ignored, ...fields } = input;
        const id = await repo.insertAddress(trx, { ...fields, member_id: memberId, is_default: makeDefault ? 1 : 0, created_at: at, updated_at: at });
        return toAddress((await repo.findAddress(trx, memberId, id))!);
      });
    },

    update(memberId: number, id: number, input: UpdateAddress): Promise<Address> {
      return forMember(memberId, async (trx, at) => {
        const existing = await repo.findAddress(trx, memberId, id);
        if (!existing) throw notFound(id);
        if (input.province !== undefined || input.city !== undefined || input.district !== undefined) {
          assertKnownRegion(input.province ?? existing.province, input.city ?? existing.city, input.district ?? existing.district);
        }
        const { isDefault, ...fields } = input;
        if (isDefault === true && existing.is_default !== 1) await repo.clearDefault(trx, memberId, at);
        const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        await repo.updateAddress(trx, memberId, id, {
          ...set,
          ...(isDefault !== undefined ? { is_default: isDefault ? 1 : 0 } : {}),
          updated_at: at,
        });
        return toAddress((await repo.findAddress(trx, memberId, id))!);
      });
    },

    remove(memberId: number, id: number): Promise<void> {
      return forMember(memberId, async (trx) => {
        if (!(await repo.deleteAddress(trx, memberId, id))) throw notFound(id);
      });
    },

    /** For checkout: the member's own address as a snapshot, or NOT_FOUND (another member's id included). */
    async snapshot(executor: Executor, memberId: number, id: number): Promise<ShippingAddressSnapshot> {
      const r = await repo.findAddress(executor, memberId, id);
      if (!r) throw new AppError('NOT_FOUND', `address ${id} not found`, { field: 'addressId' });
      return { name: r.name, phone: r.phone, province: r.province, city: r.city, district: r.district, detail: r.detail };
    },
  };
}
