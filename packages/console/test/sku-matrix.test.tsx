import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { buildSkuRows, combinations, dimensionsOf, newSkuBody, type SkuRow, skuUpdateBody, validateRows } from '../src/components/sku-matrix';
import { SkuMatrixEditor, type SkuMatrixValue, withDimensions } from '../src/components/SkuMatrixEditor';

describe('SKU matrix logic', () => {
  it('builds the cartesian product of the dimensions', () => {
    const combos = combinations([
      { name: '颜色', values: ['红', '蓝'] },
      { name: '尺码', values: ['M', 'L', 'XL'] },
    ]);
    expect(combos).toHaveLength(6);
    expect(combos[0]).toEqual({ 颜色: '红', 尺码: 'M' });
    expect(combos[5]).toEqual({ 颜色: '蓝', 尺码: 'XL' });
    expect(combinations([])).toEqual([{}]);
    // Unnamed or empty dimensions do not count.
    expect(
      combinations([
        { name: '颜色', values: ['红'] },
        { name: '', values: ['x'] },
        { name: '尺码', values: [] },
      ]),
    ).toEqual([{ 颜色: '红' }]);
  });

  it('keeps existing SKUs (and their ids) when values or a dimension are added', () => {
    const existing: SkuRow[] = [
      { id: 11, specs: { 颜色: '红' }, code: 'R', priceFen: 5900, stock: 3 },
      { id: 12, specs: { 颜色: '蓝' }, code: 'B', priceFen: 5900, stock: 4 },
    ];
    const more = buildSkuRows([{ name: '颜色', values: ['红', '蓝', '绿'] }], existing);
    expect(more.rows.map((r) => r.id)).toEqual([11, 12, undefined]);
    expect(more.rows[2]).toMatchObject({ specs: { 颜色: '绿' }, code: '', priceFen: null });

    const sized = buildSkuRows(
      [
        { name: '颜色', values: ['红', '蓝'] },
        { name: '尺码', values: ['M', 'L'] },
      ],
      existing,
    );
    expect(sized.rows.map((r) => [r.id, r.specs])).toEqual([
      [11, { 颜色: '红', 尺码: 'M' }],
      [undefined, { 颜色: '红', 尺码: 'L' }],
      [12, { 颜色: '蓝', 尺码: 'M' }],
      [undefined, { 颜色: '蓝', 尺码: 'L' }],
    ]);
    expect(sized.orphans).toEqual([]);
  });

  it('keeps what was typed in a row when other values come and go, and reports server SKUs that fit nowhere', () => {
    const typed: SkuRow[] = [{ specs: { 颜色: '红' }, code: 'R-1', priceFen: 100, stock: 1 }];
    const again = buildSkuRows([{ name: '颜色', values: ['蓝', '红'] }], typed);
    expect(again.rows[1]).toMatchObject({ code: 'R-1', priceFen: 100 });
    const gone = buildSkuRows([{ name: '颜色', values: ['蓝'] }], [{ id: 5, specs: { 颜色: '红' }, code: 'R', priceFen: 1, stock: 0 }]);
    expect(gone.orphans.map((r) => r.id)).toEqual([5]);
  });

  it('reads dimensions back from a product’s SKUs and validates rows', () => {
    expect(dimensionsOf([{ specs: { 颜色: '红', 尺码: 'M' } }, { specs: { 颜色: '蓝', 尺码: 'M' } }, { specs: { 颜色: '红', 尺码: 'L' } }])).toEqual([
      { name: '颜色', values: ['红', '蓝'] },
      { name: '尺码', values: ['M', 'L'] },
    ]);
    const problems = validateRows([
      { specs: {}, code: 'A-1', priceFen: 100, stock: 1 },
      { specs: {}, code: 'A-1', priceFen: null, stock: null },
      { specs: {}, code: 'bad code', priceFen: 1, stock: 0 },
    ]);
    expect(problems.get(0)).toBeUndefined();
    expect(problems.get(1)).toEqual({ code: 'duplicate', priceFen: 'price', stock: 'stock' });
    expect(problems.get(2)).toEqual({ code: 'code' });
  });

  it('leaves the SKU code optional: empty codes pass, are not duplicates of each other, and are left out of the body', () => {
    const rows: SkuRow[] = [
      { specs: { 颜色: '红' }, code: '', priceFen: 100, stock: 1 },
      { specs: { 颜色: '蓝' }, code: '  ', priceFen: 100, stock: 0 },
    ];
    expect(validateRows(rows).size).toBe(0);
    expect(newSkuBody(rows[0]!)).toEqual({ specs: { 颜色: '红' }, priceFen: 100, stock: 1 });
    expect(skuUpdateBody({ ...rows[1]!, id: 3 })).toEqual({ specs: { 颜色: '蓝' }, priceFen: 100 });
  });
});

function Harness({ initial, onValue }: { initial: SkuMatrixValue; onValue: (v: SkuMatrixValue) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <SkuMatrixEditor
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

describe('SkuMatrixEditor', () => {
  it('builds a two-by-two matrix from typed dimensions; each row gets code, price in yuan (fen) and stock', async () => {
    let latest: SkuMatrixValue = { dimensions: [], rows: [] };
    render(<Harness initial={withDimensions({ dimensions: [], rows: [] }, [])} onValue={(v) => (latest = v)} />);
    // A single-SKU product to begin with.
    expect(screen.getAllByTestId('sku-code')).toHaveLength(1);

    await userEvent.click(screen.getByTestId('sku-add-dimension'));
    await userEvent.type(screen.getByTestId('sku-dimension-name-0'), '颜色');
    await userEvent.type(screen.getByTestId('sku-value-input-0'), '红{enter}');
    await userEvent.type(screen.getByTestId('sku-value-input-0'), '蓝{enter}');
    await userEvent.click(screen.getByTestId('sku-add-dimension'));
    await userEvent.type(screen.getByTestId('sku-dimension-name-1'), '尺码');
    await userEvent.type(screen.getByTestId('sku-value-input-1'), 'M{enter}');
    await userEvent.type(screen.getByTestId('sku-value-input-1'), 'L{enter}');

    const codes = screen.getAllByTestId('sku-code');
    expect(codes).toHaveLength(4);
    expect(latest.rows.map((r) => r.specs)).toEqual([
      { 颜色: '红', 尺码: 'M' },
      { 颜色: '红', 尺码: 'L' },
      { 颜色: '蓝', 尺码: 'M' },
      { 颜色: '蓝', 尺码: 'L' },
    ]);

    const rows = document.querySelectorAll('tr.sku-row');
    expect(rows).toHaveLength(4);
    const first = rows[0] as HTMLElement;
    await userEvent.type(within(first).getByTestId('sku-code'), 'TEE-R-M');
    await userEvent.type(within(first).getByPlaceholderText('0.00'), '228.00');
    const stock = within(first).getByTestId('sku-stock').querySelector('input') ?? within(first).getByTestId('sku-stock');
    await userEvent.type(stock as HTMLElement, '12');
    fireEvent.blur(stock as HTMLElement);
    expect(latest.rows[0]).toMatchObject({ code: 'TEE-R-M', priceFen: 22800, stock: 12, specs: { 颜色: '红', 尺码: 'M' } });
  });

  it('does not let a value used by an existing SKU be removed, and keeps existing ids when values are added', async () => {
    const initial = withDimensions({ dimensions: [], rows: [{ id: 7, specs: { 颜色: '红' }, code: 'R', priceFen: 100, stock: 5 }] }, [
      { name: '颜色', values: ['红'] },
    ]);
    let latest = initial;
    render(<Harness initial={initial} onValue={(v) => (latest = v)} />);
    const tag = screen.getAllByText('红').find((el) => el.closest('.ant-tag'))!;
    expect(tag.closest('.ant-tag')!.querySelector('.ant-tag-close-icon')).toBeNull();
    expect(screen.getByTestId('sku-stock-existing').textContent).toBe('5');
    await userEvent.type(screen.getByTestId('sku-value-input-0'), '黑{enter}');
    expect(latest.rows.map((r) => r.id)).toEqual([7, undefined]);
    expect(latest.rows[0]).toMatchObject({ code: 'R', priceFen: 100 });
  });
});
