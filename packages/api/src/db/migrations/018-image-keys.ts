import type { Kysely } from 'kysely';

/**
 * Stored images become keys (docs/decisions/029-image-keys.md). Uploads and the demo images were stored as absolute
 * URLs on the origin they were made under (`http://127.0.0.1:3000/uploads/products/2026-11/….jpg`), and avatars as
 * `/uploads/…` paths; the same data served on another port, address or domain showed broken images. Every stored
 * reference to one of our images becomes its key (`products/2026-11/….jpg`); the API builds the URL when it answers.
 *
 * Ours: an http(s) URL, on any origin (the origins of the past are not known here), or a path, whose path is
 * `/uploads/` and a key of the forms we make (`products/` or `avatars/`, a month, a random name; `demo/<name>`).
 * Anything else (another site's https image) stays as it is. The forms are written out here, not imported: a
 * migration keeps meaning what it meant when it ran.
 */
const OUR_UPLOAD = /^(?:https?:\/\/[^/?#]+)?\/uploads\/((?:products|avatars)\/\d{4}-\d{2}\/[A-Za-z0-9_-]+\.(?:jpg|png|webp)|demo\/[a-z0-9-]+\.jpg)$/;

export function storedImageRef(ref: string): string {
  return OUR_UPLOAD.exec(ref)?.[1] ?? ref;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const image = (v: unknown) => (typeof v === 'string' ? storedImageRef(v) : v);

  for (const p of await db.selectFrom('products').select(['id', 'image_urls']).execute()) {
    const urls = parse(p.image_urls);
    if (!Array.isArray(urls)) continue;
    const next = JSON.stringify(urls.map(image));
    if (next !== p.image_urls) await db.updateTable('products').set({ image_urls: next }).where('id', '=', p.id).execute();
  }

  for (const [table, column] of [
    ['order_lines', 'image_url'],
    ['points_mall_items', 'image_url'],
    ['members', 'avatar_url'],
  ] as const) {
    for (const r of await db.selectFrom(table).select(['id', column]).where(column, 'like', '%/uploads/%').execute()) {
      const next = storedImageRef(r[column]);
      if (next !== r[column])
        await db
          .updateTable(table)
          .set({ [column]: next })
          .where('id', '=', r.id)
          .execute();
    }
  }

  for (const r of await db
    .selectFrom('points_mall_redemptions')
    .select(['id', 'item_snapshot'])
    .where('item_snapshot', 'like', '%/uploads/%')
    .execute()) {
    const snapshot = parse(r.item_snapshot) as { imageUrl?: unknown } | undefined;
    if (!snapshot || typeof snapshot.imageUrl !== 'string') continue;
    const next = JSON.stringify({ ...snapshot, imageUrl: image(snapshot.imageUrl) });
    if (next !== r.item_snapshot) await db.updateTable('points_mall_redemptions').set({ item_snapshot: next }).where('id', '=', r.id).execute();
  }

  const storefront = await db.selectFrom('merchant_settings').select(['value']).where('key', '=', 'storefront.settings').executeTakeFirst();
  const settings = storefront ? (parse(storefront.value) as { banners?: unknown } | undefined) : undefined;
  if (storefront && settings && Array.isArray(settings.banners)) {
    const banners = settings.banners.map((b) => (b && typeof b === 'object' ? { ...b, imageUrl: image((b as { imageUrl?: unknown }).imageUrl) } : b));
    const next = JSON.stringify({ ...settings, banners });
    if (next !== storefront.value) await db.updateTable('merchant_settings').set({ value: next }).where('key', '=', 'storefront.settings').execute();
  }
}

/** Keys stay keys: the API of before this migration would answer them as they are (relative), which is no worse. */
export async function down(): Promise<void> {}
