import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { zh } from '../i18n/zh-CN';
import { MoneyInput } from './MoneyInput';
import { buildSkuRows, type SkuRow, type SpecDimension, validateRows, valuesInUse } from './sku-matrix';

export interface SkuMatrixValue {
  dimensions: SpecDimension[];
  rows: SkuRow[];
}

export const MAX_DIMENSIONS = 5;

/** New dimensions and values rebuild the rows; rows keep what was typed into them (and server SKUs their ids). */
export function withDimensions(value: SkuMatrixValue, dimensions: SpecDimension[]): SkuMatrixValue {
  const { rows, orphans } = buildSkuRows(dimensions, value.rows);
  return { dimensions, rows: [...rows, ...orphans] };
}

interface Props {
  value: SkuMatrixValue;
  onChange: (next: SkuMatrixValue) => void;
  /** Shows each row's problems (after a save was tried). */
  showErrors?: boolean;
  /** Field errors from the API, by row index. */
  serverErrors?: Map<number, Partial<Record<'code' | 'priceFen' | 'stock', string>>>;
  disabled?: boolean;
  /** Existing SKUs change stock only through an adjustment with a reason. */
  onAdjustStock?: (row: SkuRow) => void;
  /** Existing SKUs: their stock movements. */
  onShowHistory?: (row: SkuRow) => void;
}

function ValueAdder({ onAdd, disabled, index }: { onAdd: (v: string) => void; disabled?: boolean; index: number }) {
  const [text, setText] = useState('');
  const add = () => {
    const v = text.trim();
    if (v) onAdd(v);
    setText('');
  };
  return (
    <Input
      size='small'
      style={{ width: 200 }}
      data-testid={`sku-value-input-${index}`}
      placeholder={zh.sku.valuePlaceholder}
      value={text}
      disabled={disabled}
      maxLength={30}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={(e) => {
        e.preventDefault();
        add();
      }}
      onBlur={add}
    />
  );
}

const messageFor = (problem: string | undefined): string | undefined => {
  if (!problem) return undefined;
  if (problem === 'duplicate') return zh.sku.codeDuplicate;
  if (problem === 'code') return zh.sku.codeInvalid;
  if (problem === 'price') return zh.money.invalid;
  if (problem === 'stock') return zh.common.required(zh.sku.stock);
  return problem;
};

/**
 * The SKU matrix: the merchant names dimensions (颜色, 尺码) and their values; the editor builds every combination,
 * one row each with its code, price (yuan, held in fen) and stock.
 */
export function SkuMatrixEditor({ value, onChange, showErrors, serverErrors, disabled, onAdjustStock, onShowHistory }: Props) {
  const { dimensions, rows } = value;
  const inUse = valuesInUse(rows);
  const problems = validateRows(rows);
  const [batchPrice, setBatchPrice] = useState<number | null>(null);
  const [batchStock, setBatchStock] = useState<number | null>(null);

  const setDimensions = (next: SpecDimension[]) => onChange(withDimensions(value, next));
  const setRow = (index: number, patch: Partial<SkuRow>) =>
    onChange({ dimensions, rows: rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const names = dimensions.map((d) => d.name.trim());

  const specColumns = dimensions
    .filter((d) => d.name.trim() && d.values.length)
    .map((d) => ({
      title: d.name.trim(),
      key: `spec-${d.name}`,
      width: 110,
      render: (_: unknown, row: SkuRow) => row.specs[d.name.trim()] ?? <Typography.Text type='secondary'>{zh.common.none}</Typography.Text>,
    }));

  return (
    <div className='sku-matrix'>
      <Space direction='vertical' style={{ width: '100%' }} size='middle'>
        {dimensions.map((d, i) => {
          const duplicate = d.name.trim() !== '' && names.indexOf(d.name.trim()) !== i;
          const dimInUse = d.values.some((v) => inUse.has(`${d.name.trim()}\u0000${v}`));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: dimensions have no id; their position is who they are.
            <div key={i} className='sku-dimension' data-testid={`sku-dimension-${i}`}>
              <Space align='start' wrap>
                <Input
                  style={{ width: 140 }}
                  data-testid={`sku-dimension-name-${i}`}
                  placeholder={zh.sku.dimensionPlaceholder}
                  value={d.name}
                  maxLength={20}
                  disabled={disabled || dimInUse}
                  status={duplicate ? 'error' : undefined}
                  onChange={(e) => setDimensions(dimensions.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                />
                <Space size={[4, 8]} wrap style={{ minHeight: 32, alignItems: 'center' }}>
                  {d.values.map((v) => {
                    const used = inUse.has(`${d.name.trim()}\u0000${v}`);
                    const tag = (
                      <Tag
                        key={v}
                        closable={!disabled && !used}
                        onClose={(e) => {
                          e.preventDefault();
                          setDimensions(dimensions.map((x, j) => (j === i ? { ...x, values: x.values.filter((y) => y !== v) } : x)));
                        }}
                        color={used ? 'blue' : undefined}
                      >
                        {v}
                      </Tag>
                    );
                    return used ? (
                      <Tooltip key={v} title={zh.sku.valueInUse}>
                        {tag}
                      </Tooltip>
                    ) : (
                      tag
                    );
                  })}
                  {!disabled && (
                    <ValueAdder
                      index={i}
                      onAdd={(v) => {
                        if (d.values.includes(v)) return;
                        setDimensions(dimensions.map((x, j) => (j === i ? { ...x, values: [...x.values, v] } : x)));
                      }}
                    />
                  )}
                </Space>
                {!disabled && (
                  <Tooltip title={dimInUse ? zh.sku.valueInUse : zh.sku.removeDimension}>
                    <Button
                      size='small'
                      type='text'
                      icon={<DeleteOutlined />}
                      aria-label={zh.sku.removeDimension}
                      disabled={dimInUse}
                      onClick={() => setDimensions(dimensions.filter((_, j) => j !== i))}
                    />
                  </Tooltip>
                )}
              </Space>
              {duplicate && <Typography.Text type='danger'>{zh.sku.duplicateDimension}</Typography.Text>}
            </div>
          );
        })}
        {!disabled && (
          <Space wrap>
            <Button
              icon={<PlusOutlined />}
              data-testid='sku-add-dimension'
              disabled={dimensions.length >= MAX_DIMENSIONS}
              onClick={() => setDimensions([...dimensions, { name: '', values: [] }])}
            >
              {zh.sku.addDimension}
            </Button>
            <Typography.Text type='secondary'>{zh.sku.batchPrice}</Typography.Text>
            <MoneyInput style={{ width: 120 }} value={batchPrice} onChange={setBatchPrice} aria-label={zh.sku.batchPrice} />
            <Typography.Text type='secondary'>{zh.sku.batchStock}</Typography.Text>
            <InputNumber
              style={{ width: 100 }}
              min={0}
              precision={0}
              value={batchStock}
              onChange={(v) => setBatchStock(v)}
              aria-label={zh.sku.batchStock}
            />
            <Button
              onClick={() =>
                onChange({
                  dimensions,
                  rows: rows.map((r) => ({
                    ...r,
                    ...(batchPrice !== null ? { priceFen: batchPrice } : {}),
                    ...(batchStock !== null && r.id === undefined ? { stock: batchStock } : {}),
                  })),
                })
              }
            >
              {zh.sku.apply}
            </Button>
          </Space>
        )}
        <Table<SkuRow>
          size='small'
          rowKey={(r) => (r.id !== undefined ? `id-${r.id}` : JSON.stringify(r.specs))}
          pagination={false}
          dataSource={rows}
          rowClassName={() => 'sku-row'}
          columns={[
            ...specColumns,
            ...(specColumns.length ? [] : [{ title: zh.sku.combination, key: 'single', width: 110, render: () => zh.sku.single }]),
            {
              title: zh.sku.code,
              key: 'code',
              render: (_, row, i) => {
                const problem = serverErrors?.get(i)?.code ?? (showErrors ? messageFor(problems.get(i)?.code) : undefined);
                return (
                  <div>
                    <Input
                      data-testid='sku-code'
                      value={row.code}
                      placeholder={zh.sku.codePlaceholder}
                      maxLength={40}
                      disabled={disabled}
                      status={problem ? 'error' : undefined}
                      onChange={(e) => setRow(i, { code: e.target.value })}
                    />
                    {problem && <Typography.Text type='danger'>{problem}</Typography.Text>}
                  </div>
                );
              },
            },
            {
              title: zh.sku.price,
              key: 'price',
              width: 160,
              render: (_, row, i) => {
                const problem = serverErrors?.get(i)?.priceFen ?? (showErrors ? messageFor(problems.get(i)?.priceFen) : undefined);
                return (
                  <div>
                    <MoneyInput className='sku-price' value={row.priceFen} disabled={disabled} onChange={(fen) => setRow(i, { priceFen: fen })} />
                    {problem && <Typography.Text type='danger'>{problem}</Typography.Text>}
                  </div>
                );
              },
            },
            {
              title: zh.sku.stock,
              key: 'stock',
              width: 230,
              render: (_, row, i) => {
                if (row.id !== undefined) {
                  return (
                    <Space>
                      <span data-testid='sku-stock-existing'>{row.stock}</span>
                      {onAdjustStock && !disabled && (
                        <Button size='small' type='link' style={{ padding: 0 }} onClick={() => onAdjustStock(row)}>
                          {zh.products.stockAdjust}
                        </Button>
                      )}
                      {onShowHistory && (
                        <Button size='small' type='link' style={{ padding: 0 }} onClick={() => onShowHistory(row)}>
                          {zh.products.stockHistory}
                        </Button>
                      )}
                    </Space>
                  );
                }
                const problem = serverErrors?.get(i)?.stock ?? (showErrors ? messageFor(problems.get(i)?.stock) : undefined);
                return (
                  <div>
                    <InputNumber
                      data-testid='sku-stock'
                      min={0}
                      max={10_000_000}
                      precision={0}
                      style={{ width: '100%' }}
                      value={row.stock}
                      disabled={disabled}
                      status={problem ? 'error' : undefined}
                      onChange={(v) => setRow(i, { stock: v })}
                    />
                    {problem && <Typography.Text type='danger'>{problem}</Typography.Text>}
                  </div>
                );
              },
            },
          ]}
        />
      </Space>
    </div>
  );
}
