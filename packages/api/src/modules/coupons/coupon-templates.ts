import {
  type CouponCodeBatch,
  type CouponTemplate,
  type CouponTemplatePage,
  type CouponTemplateQuery,
  type CouponTemplateStats,
  localDateTime,
  type NewCouponTemplate,
  type UpdateCouponTemplate,
} from '@siyu/shared';
import type { Updateable } from 'kysely';
import type { DB } from '../../db/connection.js';
import type { CouponTemplatesTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { type Executor, inTransaction } from '../../lib/transaction.js';
import type { SettingsService } from '../settings/index.js';
import { formatCode, generateCodes } from './coupon-codes.js';
import * as repo from './coupons.repository.js';
import { type TemplateRow, toTemplate } from './coupon-views.js';
import { NEW_MEMBER_PACK } from './coupon-issuing.js';

/** The merchant's templates, the new-member pack and redemption-code batches. */
export function createCouponTemplates(deps: { db: DB; clock: Clock; timeZone: string; settings: SettingsService }) {
  const { db, clock, timeZone } = deps;
  const nowIso = () => clock.now().toISOString();

  async function requireTemplate(executor: Executor, id: number): Promise<TemplateRow> {
    const t = await repo.findTemplate(executor, id);
    if (!t) throw new AppError('NOT_FOUND', `coupon template ${id} not found`);
    return t;
  }

  return {
    // ---- merchant: templates ----

    async createTemplate(input: NewCouponTemplate, staffId: number): Promise<CouponTemplate> {
      const at = nowIso();
      const id = await repo.insertTemplate(db, {
        name: input.name,
        description: input.description,
        kind: input.kind,
        amount_fen: input.amountFen,
        percent_off_bp: input.percentOffBp,
        cap_fen: input.capFen,
        threshold_fen: input.thresholdFen,
        scope: JSON.stringify(input.scope),
        min_tier_level: input.minTierLevel,
        stacking: JSON.stringify(input.stacking),
        validity_type: input.validity.type,
        valid_from: input.validity.type === 'fixed' ? new Date(input.validity.from).toISOString() : null,
        valid_until: input.validity.type === 'fixed' ? new Date(input.validity.until).toISOString() : null,
        valid_days: input.validity.type === 'relative' ? input.validity.days : null,
        starts_next_day: input.validity.type === 'relative' && input.validity.startsNextDay ? 1 : 0,
        total_stock: input.totalStock,
        per_member_limit: input.perMemberLimit,
        public: input.public ? 1 : 0,
        status: 'draft',
        created_by: staffId,
        created_at: at,
        updated_at: at,
      });
      return toTemplate((await repo.findTemplate(db, id))!);
    },

    /** Changes what is issued from now on; coupons already claimed keep their rule and validity. */
    async updateTemplate(id: number, input: UpdateCouponTemplate): Promise<CouponTemplate> {
      return inTransaction(db, async (trx) => {
        const t = await requireTemplate(trx, id);
        if (t.status === 'ended') throw new AppError('INVALID_STATE', 'an ended coupon template cannot be edited', { status: t.status });
        if (input.totalStock !== undefined && input.totalStock !== null && input.totalStock < t.claimed_count) {
          throw new AppError('VALIDATION_FAILED', `${t.claimed_count} are already issued`, {
            issues: [
              {
                field: 'totalStock',
                code: 'below_already_issued',
                message: `must be at least the ${t.claimed_count} already issued`,
                params: { issued: t.claimed_count },
              },
            ],
          });
        }
        const set: Updateable<CouponTemplatesTable> = { updated_at: nowIso() };
        if (input.name !== undefined) set.name = input.name;
        if (input.description !== undefined) set.description = input.description;
        if (input.totalStock !== undefined) set.total_stock = input.totalStock;
        if (input.perMemberLimit !== undefined) set.per_member_limit = input.perMemberLimit;
        if (input.public !== undefined) set.public = input.public ? 1 : 0;
        if (input.validity) {
          const v = input.validity;
          if (v.type === 'fixed' && !(Date.parse(v.from) < Date.parse(v.until))) {
            throw new AppError('VALIDATION_FAILED', 'validity.until must be after validity.from', {
              issues: [{ field: 'validity.until', code: 'range_order', message: 'must be after validity.from' }],
            });
          }
          set.validity_type = v.type;
          set.valid_from = v.type === 'fixed' ? new Date(v.from).toISOString() : null;
          set.valid_until = v.type === 'fixed' ? new Date(v.until).toISOString() : null;
          set.valid_days = v.type === 'relative' ? v.days : null;
          set.starts_next_day = v.type === 'relative' && v.startsNextDay ? 1 : 0;
        }
        // The stock CHECK refuses a stock below what was issued in the meantime (a claim racing this edit).
        await repo.updateTemplate(trx, id, set);
        return toTemplate((await repo.findTemplate(trx, id))!);
      });
    },

    async setTemplateStatus(id: number, action: 'activate' | 'pause' | 'end'): Promise<CouponTemplate> {
      const moves = {
        activate: [['draft', 'paused'], 'active'],
        pause: [['active'], 'paused'],
        end: [['draft', 'active', 'paused'], 'ended'],
      } as const;
      const [from, to] = moves[action];
      if (!(await repo.transitionTemplate(db, id, [...from], to, nowIso()))) {
        const t = await requireTemplate(db, id);
        throw new AppError('INVALID_STATE', `coupon template is ${t.status}; cannot ${action} it`, { status: t.status });
      }
      return toTemplate((await repo.findTemplate(db, id))!);
    },

    template: async (id: number) => toTemplate(await requireTemplate(db, id)),

    async templates(query: CouponTemplateQuery): Promise<CouponTemplatePage> {
      const { rows, total } = await repo.pageTemplates(db, { status: query.status }, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map(toTemplate), page: query.page, pageSize: query.pageSize, total };
    },

    async stats(id: number): Promise<CouponTemplateStats> {
      await requireTemplate(db, id);
      const s = await repo.templateStats(db, id, nowIso());
      return { templateId: id, claimed: s.claimed, used: s.used, expired: s.expired, discountFen: s.discount, salesFen: s.sales };
    },

    newMemberPack: () => deps.settings.get(NEW_MEMBER_PACK),
    async setNewMemberPack(value: { templateIds: number[] }, staffId: number) {
      for (const [i, id] of value.templateIds.entries()) {
        if (!(await repo.findTemplate(db, id))) throw new AppError('NOT_FOUND', `coupon template ${id} not found`, { field: `templateIds.${i}` });
      }
      return deps.settings.set(NEW_MEMBER_PACK, value, staffId);
    },

    // ---- merchant: codes ----

    async createCodeBatch(templateId: number, input: { count: number; note: string }, staffId: number): Promise<CouponCodeBatch> {
      return inTransaction(db, async (trx) => {
        await requireTemplate(trx, templateId);
        const at = nowIso();
        const batchId = await repo.insertBatch(trx, {
          template_id: templateId,
          count: input.count,
          note: input.note,
          created_by: staffId,
          created_at: at,
        });
        const codes = generateCodes(input.count);
        for (let i = 0; i < codes.length; i += 500) await repo.insertCodes(trx, batchId, codes.slice(i, i + 500));
        return { id: batchId, templateId, count: input.count, redeemed: 0, note: input.note, createdAt: at };
      });
    },

    async codeBatches(templateId: number): Promise<{ items: CouponCodeBatch[] }> {
      await requireTemplate(db, templateId);
      const rows = await repo.listBatches(db, templateId);
      return {
        items: rows.map((b) => ({
          id: b.id,
          templateId: b.template_id,
          count: b.count,
          redeemed: b.redeemed ?? 0,
          note: b.note,
          createdAt: b.created_at,
        })),
      };
    },

    /** A batch's codes as CSV text chunks (code, redeemed or not), read 1,000 at a time. */
    async codesCsv(batchId: number): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
      const batch = await repo.findBatch(db, batchId);
      if (!batch) throw new AppError('NOT_FOUND', `code batch ${batchId} not found`);
      async function* chunks() {
        yield '\ufeff兑换码,状态,兑换时间\n';
        let after = 0;
        for (;;) {
          const rows = await repo.codesOfBatch(db, batchId, after, 1000);
          if (rows.length === 0) return;
          yield rows
            .map(
              (r) =>
                `${formatCode(r.code)},${r.redeemed_by === null ? '未兑换' : '已兑换'},${r.redeemed_at ? localDateTime(r.redeemed_at, timeZone) : ''}\n`,
            )
            .join('');
          after = rows[rows.length - 1]!.id;
        }
      }
      return { fileName: `coupon-codes-${batchId}.csv`, chunks: chunks() };
    },
  };
}
