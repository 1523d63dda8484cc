import type { Sku } from '@siyu/shared';

/** Spec dimensions of a product, in the order its SKUs first name them, each with its values in order: color → [red, blue]. */
export interface SpecDimension {
  name: string;
  values: string[];
}

export type SpecSelection = Record<string, string | undefined>;

export function specDimensions(skus: readonly Sku[]): SpecDimension[] {
  const dims: SpecDimension[] = [];
  for (const sku of skus) {
    for (const [name, value] of Object.entries(sku.specs)) {
      let dim = dims.find((d) => d.name === name);
      if (!dim) dims.push((dim = { name, values: [] }));
      if (!dim.values.includes(value)) dim.values.push(value);
    }
  }
  return dims;
}

function matches(sku: Sku, selection: SpecSelection, except?: string): boolean {
  return Object.entries(selection).every(([name, value]) => name === except || value === undefined || sku.specs[name] === value);
}

/** Whether choosing `value` for `dim` (keeping the other choices) leads to a SKU in stock. */
export function isValueAvailable(skus: readonly Sku[], selection: SpecSelection, dim: string, value: string): boolean {
  return skus.some((sku) => sku.stock > 0 && sku.specs[dim] === value && matches(sku, selection, dim));
}

/** The SKU the selection names, once every dimension is chosen (a product without specs has its one SKU). */
export function selectedSku(skus: readonly Sku[], dims: readonly SpecDimension[], selection: SpecSelection): Sku | null {
  if (dims.some((d) => selection[d.name] === undefined)) return null;
  return skus.find((sku) => dims.every((d) => sku.specs[d.name] === selection[d.name])) ?? null;
}

/** The first dimension still to choose, for the "please choose a color" hint. */
export function missingDimension(dims: readonly SpecDimension[], selection: SpecSelection): string | null {
  return dims.find((d) => selection[d.name] === undefined)?.name ?? null;
}

/** A starting selection: everything of the only SKU in stock (or of the only SKU), else nothing. */
export function initialSelection(skus: readonly Sku[]): SpecSelection {
  const inStock = skus.filter((s) => s.stock > 0);
  const only = skus.length === 1 ? skus[0] : inStock.length === 1 ? inStock[0] : undefined;
  return only ? { ...only.specs } : {};
}
