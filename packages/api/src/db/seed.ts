import { createCheckInService, DEFAULT_CHECK_IN_RULES } from '../modules/check-in/index.js';
import { createPointsService } from '../modules/points/index.js';
import { createStaffService } from '../modules/staff/index.js';
import { createSettingsService } from '../modules/settings/index.js';
import { DEFAULT_STOREFRONT_SETTINGS, STOREFRONT_SETTINGS } from '../modules/storefront/index.js';
import { silentLogger } from '../lib/logger.js';
import { createCatalogService } from '../modules/catalog/index.js';
import { createMembersService } from '../modules/members/index.js';
import { createCouponsMemberData } from '../modules/coupons/index.js';
import { createSharesService } from '../modules/shares/index.js';
import { checkInParticipants, memberParticipants } from '../participants.js';
import { createPointsMallItems } from '../modules/points-mall/index.js';
import { createTiersService } from '../modules/tiers/index.js';
import type { TiersConfig } from '@siyu/shared';
import { ManualClock, type Clock } from '../lib/clock.js';
import { addDays, businessDateOf } from '@siyu/shared/business-day';
import type { DB } from './connection.js';
import type { FileStorage } from '../lib/storage.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo images drawn for this project (scripts/make-demo-images.mjs; CC0, see seed-assets/LICENSE). */
const SEED_ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seed-assets');

/** Where the seed stores its images. */
export interface SeedMedia {
  storage: FileStorage;
}

/**
 * Stores a demo image under `demo/<name>` (stable keys: seeding again rewrites the same bytes) and answers its key,
 * which is what the database keeps (the API answers the URL on the address it is reached at, decision 029).
 */
async function demoImage(media: SeedMedia, name: string): Promise<string> {
  const key = `demo/${name}`;
  await media.storage.put(key, await fs.promises.readFile(path.join(SEED_ASSETS, name)), 'image/jpeg');
  return key;
}

export const DEMO_STAFF = [
  { username: 'owner', displayName: '店长 林晓', role: 'owner', password: 'siyu-owner-demo' },
  { username: 'operator', displayName: '运营 王芳', role: 'operator', password: 'siyu-operator-demo' },
  { username: 'viewer', displayName: '财务 陈杰', role: 'viewer', password: 'siyu-viewer-demo' },
] as const;

/** A demo tier: a member price on everything, a points multiplier, maybe free shipping, birthday points. */
function demoTier(
  level: number,
  name: string,
  growthThreshold: number,
  b: { memberPriceBp: number; pointsMultiplierBp: number; freeShipping: boolean; birthdayPoints: number },
  display: TiersConfig['tiers'][number]['benefits']['display'],
): TiersConfig['tiers'][number] {
  return {
    level,
    name,
    growthThreshold,
    benefits: {
      memberPrice: { basisPoints: b.memberPriceBp, scope: 'all', ids: [] },
      pointsMultiplierBp: b.pointsMultiplierBp,
      freeShipping: b.freeShipping,
      birthdayGift: { points: b.birthdayPoints, couponTemplateId: null },
      display,
    },
  };
}

/** 普通 / 银卡 / 金卡 / 钻石: thresholds in growth (1 per yuan paid, by default), benefits that grow with them. */
export const DEMO_TIERS: TiersConfig = {
  tiers: [
    demoTier(0, '普通会员', 0, { memberPriceBp: 0, pointsMultiplierBp: 10_000, freeShipping: false, birthdayPoints: 0 }, [
      { icon: 'gift', text: '每日签到领积分' },
    ]),
    demoTier(1, '银卡会员', 500, { memberPriceBp: 500, pointsMultiplierBp: 12_000, freeShipping: false, birthdayPoints: 100 }, [
      { icon: 'discount', text: '全场 95 折' },
      { icon: 'points', text: '积分 1.2 倍' },
      { icon: 'cake', text: '生日礼 100 积分' },
    ]),
    demoTier(2, '金卡会员', 2000, { memberPriceBp: 1000, pointsMultiplierBp: 15_000, freeShipping: true, birthdayPoints: 300 }, [
      { icon: 'discount', text: '全场 9 折' },
      { icon: 'points', text: '积分 1.5 倍' },
      { icon: 'truck', text: '订单包邮' },
      { icon: 'cake', text: '生日礼 300 积分' },
    ]),
    demoTier(3, '钻石会员', 8000, { memberPriceBp: 1500, pointsMultiplierBp: 20_000, freeShipping: true, birthdayPoints: 800 }, [
      { icon: 'discount', text: '全场 85 折' },
      { icon: 'points', text: '积分 2 倍' },
      { icon: 'truck', text: '订单包邮' },
      { icon: 'cake', text: '生日礼 800 积分' },
    ]),
  ],
};

const DEMO_MEMBERS = [
  { user: 'demo-xiaomei', platform: 'weapp', nickname: '小美爱喝茶', streakDays: 6, phone: '13800138000' },
  { user: 'demo-ajie', platform: 'alipay', nickname: '阿杰', streakDays: 2, phone: null },
  { user: 'demo-tangtang', platform: 'tt', nickname: '糖糖不吃糖', streakDays: 12, phone: null },
] as const;

interface DemoProduct {
  title: string;
  subtitle: string;
  category: string;
  description: string;
  /** The gallery: files in seed-assets. */
  images: string[];
  skus: { code: string; specs: Record<string, string>; priceFen: number; stock: number }[];
}

const DEMO_CATEGORIES: { name: string; children: string[] }[] = [
  { name: '茶叶', children: ['绿茶', '红茶', '乌龙茶'] },
  { name: '零食', children: ['坚果炒货', '肉干肉脯', '糕点'] },
  { name: '茶具', children: [] },
];

const DEMO_PRODUCTS: DemoProduct[] = [
  {
    title: '明前西湖龙井',
    subtitle: '2026 新茶 · 狮峰产区',
    category: '绿茶',
    description: '<p>明前采摘，一芽一叶，豆香清雅。</p>',
    images: ['longjing-1.jpg', 'longjing-2.jpg'],
    skus: [
      { code: 'LJ-100', specs: { 规格: '100g 罐装' }, priceFen: 16800, stock: 40 },
      { code: 'LJ-250', specs: { 规格: '250g 礼盒' }, priceFen: 39800, stock: 15 },
    ],
  },
  {
    title: '洞庭碧螺春',
    subtitle: '花果香 · 卷曲如螺',
    category: '绿茶',
    description: '<p>太湖东山，茶果间作。</p>',
    images: ['biluochun-1.jpg', 'biluochun-2.jpg'],
    skus: [{ code: 'BLC-125', specs: { 规格: '125g' }, priceFen: 12800, stock: 30 }],
  },
  {
    title: '正山小种红茶',
    subtitle: '桐木关 · 松烟香',
    category: '红茶',
    description: '<p>传统烟熏工艺，汤色红艳。</p>',
    images: ['zhengshan-1.jpg', 'zhengshan-2.jpg'],
    skus: [
      { code: 'ZSXZ-150', specs: { 规格: '150g' }, priceFen: 8800, stock: 50 },
      { code: 'ZSXZ-300', specs: { 规格: '300g' }, priceFen: 15800, stock: 20 },
    ],
  },
  {
    title: '安溪铁观音',
    subtitle: '清香型 · 兰花香',
    category: '乌龙茶',
    description: '<p>七泡有余香。</p>',
    images: ['tieguanyin-1.jpg', 'tieguanyin-2.jpg'],
    skus: [
      { code: 'TGY-QX', specs: { 香型: '清香', 规格: '250g' }, priceFen: 9800, stock: 35 },
      { code: 'TGY-NX', specs: { 香型: '浓香', 规格: '250g' }, priceFen: 10800, stock: 25 },
    ],
  },
  {
    title: '每日坚果混合装',
    subtitle: '6 种坚果果干 · 独立小包',
    category: '坚果炒货',
    description: '<p>每包 25g，一日一包。</p>',
    images: ['nuts-1.jpg', 'nuts-2.jpg'],
    skus: [
      { code: 'NUT-7', specs: { 规格: '7 包装' }, priceFen: 3990, stock: 120 },
      { code: 'NUT-30', specs: { 规格: '30 包装' }, priceFen: 14900, stock: 60 },
    ],
  },
  {
    title: '手剥山核桃',
    subtitle: '临安特产 · 椒盐味',
    category: '坚果炒货',
    description: '<p>薄壳易剥。</p>',
    images: ['walnut-1.jpg', 'walnut-2.jpg'],
    skus: [{ code: 'HT-250', specs: { 口味: '椒盐', 规格: '250g' }, priceFen: 5900, stock: 0 }],
  },
  {
    title: '风干牛肉干',
    subtitle: '内蒙古草原牛 · 手撕',
    category: '肉干肉脯',
    description: '<p>七成干，越嚼越香。</p>',
    images: ['jerky-1.jpg', 'jerky-2.jpg'],
    skus: [
      { code: 'NRG-YW', specs: { 口味: '原味', 规格: '200g' }, priceFen: 6800, stock: 80 },
      { code: 'NRG-ML', specs: { 口味: '麻辣', 规格: '200g' }, priceFen: 6800, stock: 80 },
    ],
  },
  {
    title: '桂花糕',
    subtitle: '苏式点心 · 软糯清甜',
    category: '糕点',
    description: '<p>当日现做，冷链发货。</p>',
    images: ['osmanthus-1.jpg', 'osmanthus-2.jpg'],
    skus: [{ code: 'GHG-12', specs: { 规格: '12 枚礼盒' }, priceFen: 4500, stock: 45 }],
  },
  {
    title: '汝窑天青盖碗',
    subtitle: '开片 · 150ml',
    category: '茶具',
    description: '<p>手工拉坯，釉色温润。</p>',
    images: ['gaiwan-1.jpg', 'gaiwan-2.jpg'],
    skus: [
      { code: 'RY-GW', specs: { 颜色: '天青' }, priceFen: 26800, stock: 12 },
      { code: 'RY-GW-YB', specs: { 颜色: '月白' }, priceFen: 26800, stock: 8 },
    ],
  },
];

async function seedCatalog(
  db: DB,
  clock: Clock,
  ownerId: number,
  media: SeedMedia | undefined,
): Promise<{ categoryIds: Map<string, number>; productIds: Map<string, number> }> {
  const catalog = createCatalogService({ db, clock });
  const categoryIds = new Map<string, number>();
  for (const [i, top] of DEMO_CATEGORIES.entries()) {
    const parent = await catalog.createCategory({ name: top.name, parentId: null, sortOrder: DEMO_CATEGORIES.length - i });
    categoryIds.set(top.name, parent.id);
    for (const [j, child] of top.children.entries()) {
      categoryIds.set(child, (await catalog.createCategory({ name: child, parentId: parent.id, sortOrder: top.children.length - j })).id);
    }
  }
  const productIds = new Map<string, number>();
  for (const [i, p] of DEMO_PRODUCTS.entries()) {
    const created = await catalog.createProduct(
      {
        title: p.title,
        subtitle: p.subtitle,
        categoryId: categoryIds.get(p.category) ?? null,
        imageUrls: media ? await Promise.all(p.images.map((name) => demoImage(media, name))) : [],
        description: p.description,
        sortOrder: DEMO_PRODUCTS.length - i,
        skus: p.skus,
      },
      ownerId,
    );
    await catalog.setShelf(created.id, true);
    productIds.set(p.title, created.id);
  }
  return { categoryIds, productIds };
}

/** Gives the demo products that still have no images their demo gallery; answers how many it changed. */
async function pictureDemoProducts(db: DB, clock: Clock, media: SeedMedia): Promise<number> {
  const catalog = createCatalogService({ db, clock });
  let changed = 0;
  for (const p of DEMO_PRODUCTS) {
    const bare = await db.selectFrom('products').select('id').where('title', '=', p.title).where('image_urls', '=', '[]').execute();
    for (const row of bare) {
      await catalog.updateProduct(row.id, { imageUrls: await Promise.all(p.images.map((name) => demoImage(media, name))) });
      changed += 1;
    }
  }
  return changed;
}

/** A few points-mall items, so the first start shows a points mall (one is points plus cash, one ships a catalog SKU). */
async function seedPointsMall(db: DB, clock: Clock, ownerId: number, media: SeedMedia | undefined): Promise<void> {
  const mall = createPointsMallItems({ db, clock, logger: silentLogger });
  const giftBox = await db.selectFrom('skus').select('id').where('code', '=', 'GHG-12').executeTakeFirst();
  const common = { imageUrl: null, description: '', instructions: '', cashFen: 0, perMemberLimit: null, perMemberDailyLimit: null };
  const base = { ...common, onSaleFrom: null, onSaleUntil: null, minTierLevel: 0, status: 'on' as const, skuId: null, couponTemplateId: null };
  await mall.createItem(ownerId, {
    ...base,
    kind: 'virtual',
    title: '门店茶饮免费升杯',
    description: '任意一杯茶饮升级为大杯。',
    instructions: '到店出示此兑换记录，店员核销后即可升杯；每日限兑一次。',
    pointsPrice: 200,
    totalStock: 200,
    perMemberDailyLimit: 1,
    sortOrder: 30,
  });
  await mall.createItem(ownerId, {
    ...base,
    kind: 'virtual',
    title: '会员品茶会名额',
    description: '每月一期，店长带你品鉴当季新茶。',
    instructions: '兑换后请在品茶会前一天致电门店预约座位。',
    pointsPrice: 800,
    totalStock: 12,
    perMemberLimit: 1,
    sortOrder: 20,
  });
  if (giftBox) {
    await mall.createItem(ownerId, {
      ...base,
      kind: 'sku',
      skuId: giftBox.id,
      title: '桂花糕 12 枚礼盒（积分 + 现金）',
      imageUrl: media ? await demoImage(media, 'osmanthus-1.jpg') : null,
      description: '苏式点心礼盒，积分抵扣大部分价格，冷链包邮到家。',
      pointsPrice: 1500,
      cashFen: 990,
      totalStock: 20,
      perMemberLimit: 2,
      sortOrder: 10,
    });
  }
}

/**
 * Believable demo data for the embedded default: the merchant's staff, the check-in table, a small tea-and-snacks catalog,
 * members on each platform with check-in history. Runs only when the database has no staff yet. With `media`, the
 * products get their demo images and the home page two banners, stored like merchant uploads.
 * Never used by tests (they build their own data with factories).
 */
export async function seedDemoData(db: DB, clock: Clock, timeZone: string, media?: SeedMedia): Promise<{ seeded: boolean }> {
  const existing = await db.selectFrom('staff').select(['id', 'role']).orderBy('id').execute();
  if (existing.length > 0) {
    // Databases seeded before the catalog existed get the catalog alone.
    const owner = existing.find((s) => s.role === 'owner');
    const hasProducts = await db.selectFrom('products').select('id').limit(1).executeTakeFirst();
    if (!owner) return { seeded: false };
    const hasMallItems = await db.selectFrom('points_mall_items').select('id').limit(1).executeTakeFirst();
    // Demo products seeded before the demo images existed get them (a product the merchant gave images keeps its own).
    const pictured = media && hasProducts ? await pictureDemoProducts(db, clock, media) : 0;
    if (hasProducts && hasMallItems) return { seeded: pictured > 0 };
    // Databases seeded before the catalog or the points mall existed get what they lack.
    if (!hasProducts) await seedCatalog(db, clock, owner.id, media);
    if (!hasMallItems) await seedPointsMall(db, clock, owner.id, media);
    return { seeded: true };
  }

  const staff = createStaffService({ db, clock }); // a fresh database has no sessions to end
  let ownerId = 0;
  for (const s of DEMO_STAFF) {
    const id = await staff.create({ ...s });
    if (s.role === 'owner') ownerId = id;
  }
  const settingsService = createSettingsService({ db, clock, logger: silentLogger });
  const points = createPointsService({ db, clock, timeZone, settings: settingsService, logger: silentLogger });
  const tiersAt = (c: Clock) =>
    createTiersService({ db, clock: c, timeZone, settings: settingsService, categoryParents: async () => new Map(), logger: silentLogger });
  await tiersAt(clock).configure(DEMO_TIERS);
  const checkInAt = (c: Clock) =>
    createCheckInService({ db, clock: c, timeZone, points, settings: settingsService, participants: checkInParticipants({ tiers: tiersAt(c) }) });
  await checkInAt(clock).updateRules(DEFAULT_CHECK_IN_RULES, ownerId);
  const { categoryIds, productIds } = await seedCatalog(db, clock, ownerId, media);
  await seedPointsMall(db, clock, ownerId, media);
  // The home page's notice bar, its banners (when the seed has somewhere to store their images) and the search page's hot words.
  const banners = media
    ? [
        {
          imageUrl: await demoImage(media, 'banner-newtea.jpg'),
          title: '明前新茶上市',
          link: { type: 'product' as const, productId: productIds.get('明前西湖龙井')! },
        },
        {
          imageUrl: await demoImage(media, 'banner-snacks.jpg'),
          title: '茶点配好茶',
          link: { type: 'category' as const, categoryId: categoryIds.get('零食')! },
        },
      ]
    : [];
  await settingsService.set(
    STOREFRONT_SETTINGS,
    { ...DEFAULT_STOREFRONT_SETTINGS, notice: '新茶上市 · 全场满 99 元包邮', banners, hotWords: ['龙井', '红茶', '坚果', '盖碗'] },
    ownerId,
  );

  const tiers = tiersAt(clock);
  // No coupons service here: the coupons module's member steps without the new-member pack (none is configured yet).
  const members = createMembersService({
    db,
    clock,
    timeZone,
    points,
    participants: memberParticipants({ tiers, coupons: createCouponsMemberData(), shares: createSharesService({ db, clock }) }),
  });
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
    if (m.phone) await members.bindPhone(memberId, { countryCode: '86', number: m.phone });
  }
  // 小美 also opened the Douyin mini-program, checked in there yesterday (as 小美 did on WeChat), and bound the same
  // phone: the two members became one (decision 019), and the console shows the merge.
  const douyin = await members.findOrCreateByIdentity({ platform: 'tt', openId: 'seed-demo-xiaomei-tt', unionId: null, sessionKey: null }, 'seed-tt');
  await checkInAt(new ManualClock(`${addDays(today, -1)}T02:30:00.000Z`)).checkIn(douyin.memberId);
  await members.bindPhone(douyin.memberId, { countryCode: '86', number: DEMO_MEMBERS[0].phone });
  return { seeded: true };
}
