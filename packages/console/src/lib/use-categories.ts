import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';

type CategoryTree = Schemas['CategoryTree'];

export function useCategories() {
  return useQuery({ queryKey: ['categories'], queryFn: () => api.GET('/categories'), staleTime: 60_000 });
}

/** Category id -> "一级 / 二级" for lists. */
export function categoryNames(tree: CategoryTree | undefined): Map<number, string> {
  const names = new Map<number, string>();
  for (const top of tree ?? []) {
    names.set(top.id, top.name);
    for (const child of top.children) names.set(child.id, `${top.name} / ${child.name}`);
  }
  return names;
}

/** For a TreeSelect or Cascader. */
export function categoryOptions(tree: CategoryTree | undefined) {
  return (tree ?? []).map((top) => ({
    value: top.id,
    title: top.name,
    label: top.name,
    children: top.children.map((c) => ({ value: c.id, title: c.name, label: c.name })),
  }));
}
