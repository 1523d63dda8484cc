/**
 * The SKU matrix: spec dimensions (颜色: 红, 蓝; 尺码: M, L) and one SKU row per combination, their cartesian
 * product. Pure functions, so the editor and its tests share them.
 */
import { NewSku } from '@siyu/shared';

export interface SpecDimension {
  name: string;
  values: string[];
}

export interface SkuRow {
  /** Set for SKUs that exist on the server; they keep it whatever the merchant adds. */
  id?: number;
  specs: Record<string, string>;
  code: string;
  /** Fen; null while not entered. */
  priceFen: number | null;
  stock: number | null;
}

/** The usable dimensions: named, with at least one value. */
export function activeDimensions(dimensions: SpecDimension[]): SpecDimension[] {
  return dimensions.filter((d) => d.name.trim() && d.values.length > 0).map((d) => ({ name: d.name.trim(), values: d.values }));
}

/** Every combination of the dimensions' values, in order ({} alone when there are none: a single-SKU product). */
export function combinations(dimensions: SpecDimension[]): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const d of activeDimensions(dimensions)) {
    out = out.flatMap((specs) => d.values.map((v) => ({ ...specs, [d.name]: v })));
  }
  return out;
}

export function specsKey(specs: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(specs)
      .sort()
      .map((k) => [k, specs[k]]),
  );
}

/** Whether every spec of `part` is in `whole` (an SKU made before a dimension was added fits the combination). */
function fits(part: Record<string, string>, whole: Record<string, string>): boolean {
  return Object.entries(part).every(([k, v]) => whole[k] === v);
}

/**
 * The rows for the dimensions: one per combination. A row already there for the same specs is kept as it is; when a
 * dimension was added, an existing row whose specs all still apply carries over (with its id) to the first
 * combination that contains them; new combinations start empty. Existing server SKUs that fit no combination are
 * returned in `orphans` (they cannot be deleted; the editor keeps their values in use).
 */
export function buildSkuRows(dimensions: SpecDimension[], previous: SkuRow[]): { rows: SkuRow[]; orphans: SkuRow[] } {
  const combos = combinations(dimensions);
  const byKey = new Map(previous.map((r) => [specsKey(r.specs), r]));
  const used = new Set<SkuRow>();
  const rows = combos.map((specs) => {
    const exact = byKey.get(specsKey(specs));
    if (exact && !used.has(exact)) {
      used.add(exact);
      return { ...exact, specs };
    }
    return null;
  });
  // Second pass: rows whose specs are a subset of a combination still free (a dimension was added).
  const result = rows.map((row, i) => {
    if (row) return row;
    const specs = combos[i]!;
    const carried = previous.find((r) => !used.has(r) && Object.keys(r.specs).length < Object.keys(specs).length && fits(r.specs, specs));
    if (carried) {
      used.add(carried);
      return { ...carried, specs };
    }
    return { specs, code: '', priceFen: null, stock: null } satisfies SkuRow;
  });
  const orphans = previous.filter((r) => r.id !== undefined && !used.has(r));
  return { rows: result, orphans };
}

/** The dimensions that produce a product's SKUs (names in first-seen order, values in first-seen order). */
export function dimensionsOf(skus: { specs: Record<string, string> }[]): SpecDimension[] {
  const dims = new Map<string, string[]>();
  for (const sku of skus) {
    for (const [name, value] of Object.entries(sku.specs)) {
      const values = dims.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      dims.set(name, values);
    }
  }
  return [...dims].map(([name, values]) => ({ name, values }));
}

/** Values that existing server SKUs use: the editor does not let them be removed. */
export function valuesInUse(rows: SkuRow[]): Set<string> {
  const set = new Set<string>();
  for (const r of rows) if (r.id !== undefined) for (const [k, v] of Object.entries(r.specs)) set.add(`${k}\u0000${v}`);
  return set;
}

type RowField = 'code' | 'priceFen' | 'stock';
type RowProblem = 'code' | 'duplicate' | 'price' | 'stock';
const PROBLEM: Record<RowField, RowProblem> = { code: 'code', priceFen: 'price', stock: 'stock' };

/** The body of a new SKU (POST /products/{id}/skus, and each of a new product's skus), once validateRows passes. */
export function newSkuBody(r: SkuRow) {
  // A code left empty is made by the API (规格编码 is optional).
  return { ...(r.code.trim() ? { code: r.code.trim() } : {}), specs: r.specs, priceFen: r.priceFen as number, stock: r.stock ?? 0 };
}

/** An existing SKU's body (PATCH /skus/{id}), once validateRows passes: its stock moves by adjustments, never here. */
export function skuUpdateBody(r: SkuRow) {
  // An existing SKU's code emptied keeps the code it has.
  return { ...(r.code.trim() ? { code: r.code.trim() } : {}), priceFen: r.priceFen as number, specs: r.specs };
}

/**
 * Problems per row index: code, price, stock, by the contract's SKU schema (an existing SKU's stock is not edited
 * here), and a code used twice in the matrix. Empty when the matrix can be saved.
 */
export function validateRows(rows: SkuRow[]): Map<number, Partial<Record<RowField, RowProblem>>> {
  const problems = new Map<number, Partial<Record<RowField, RowProblem>>>();
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const p: Partial<Record<RowField, RowProblem>> = {};
    const body = r.id === undefined ? { ...newSkuBody(r), stock: r.stock } : { ...skuUpdateBody(r), stock: 0 };
    const parsed = NewSku.safeParse(body);
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path[0] as RowField;
      if (field in PROBLEM) p[field] ??= PROBLEM[field];
    }
    if (body.code !== undefined) {
      if (!p.code && seen.has(body.code)) p.code = 'duplicate';
      seen.set(body.code, i);
    }
    if (Object.keys(p).length) problems.set(i, p);
  });
  return problems;
}
