import { NewProduct } from '@siyu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { ImageUploader } from '../../components/ImageUploader';
import { errorText, PageState } from '../../components/PageState';
import { RichTextEditor } from '../../components/RichTextEditor';
import { dimensionsOf, newSkuBody, type SkuRow, skuUpdateBody, specsKey, validateRows } from '../../components/sku-matrix';
import { SkuMatrixEditor, type SkuMatrixValue, withDimensions } from '../../components/SkuMatrixEditor';
import { zh } from '../../i18n/zh-CN';
import { applyFieldErrors, contractRules, fieldMessage } from '../../lib/form-errors';
import { categoryOptions, useCategories } from '../../lib/use-categories';
import { StockAdjustModal, StockHistoryDrawer } from './StockDialogs';

type ProductDetail = Schemas['ProductDetail'];

interface Basics {
  title: string;
  subtitle: string;
  categoryId: number | null;
  sortOrder: number;
  imageUrls: string[];
  description: string;
}

/** The basics checked by the contract: a new product's fields but its SKUs (the matrix checks those). */
const basicsRule = contractRules(NewProduct.omit({ skus: true }), { labels: { title: zh.products.productTitle }, integerRanges: true });

const EMPTY_MATRIX: SkuMatrixValue = withDimensions({ dimensions: [], rows: [] }, []);

function matrixOf(p: ProductDetail): SkuMatrixValue {
  const rows: SkuRow[] = p.skus.map((s) => ({ id: s.id, specs: s.specs, code: s.code, priceFen: s.priceFen, stock: s.stock }));
  return withDimensions({ dimensions: [], rows }, dimensionsOf(p.skus));
}

/** The SKU code another SKU holds, on its row (`skus.2.code` of a new product, `code` of one SKU saved). */
const SKU_WORDS = { 'skus.*.code:already_taken': zh.sku.codeTaken, 'code:already_taken': zh.sku.codeTaken };

type RowErrors = Map<number, Partial<Record<'code' | 'priceFen' | 'stock', string>>>;

export default function ProductEditPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { canEdit } = usePermissions();
  const [form] = Form.useForm<Basics>();
  const categories = useCategories();
  const [matrix, setMatrix] = useState<SkuMatrixValue>(EMPTY_MATRIX);
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<RowErrors>(new Map());
  const [topError, setTopError] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState<SkuRow | null>(null);
  const [historyOf, setHistoryOf] = useState<number | null>(null);

  const q = useQuery({
    queryKey: ['product', id],
    queryFn: () => api.GET('/products/{id}', { params: { path: { id: id! } } }),
    enabled: id !== null,
  });
  const product = q.data;

  // Load the product into the form once (and again after a save), not on every background refetch.
  const loadedKey = product ? `${product.id}:${product.updatedAt}:${product.skus.map((s) => `${s.id}-${s.stock}`).join(',')}` : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: loadedKey stands for the product's contents.
  useEffect(() => {
    if (!product) return;
    form.setFieldsValue({
      title: product.title,
      subtitle: product.subtitle,
      categoryId: product.categoryId,
      sortOrder: product.sortOrder,
      imageUrls: product.imageUrls,
      description: product.description,
    });
    setMatrix(matrixOf(product));
  }, [loadedKey]);

  const original = useMemo(() => new Map((product?.skus ?? []).map((s) => [s.id, s])), [product]);

  /** 保存并上架: after the save, the product is put on the shelf; a refusal leaves it saved (as it was) and says why. */
  const thenShelve = async (saved: ProductDetail): Promise<ProductDetail> => {
    try {
      return await api.POST('/products/{id}/shelve', { params: { path: { id: saved.id } } });
    } catch (err) {
      message.error(errorText(err));
      return saved;
    }
  };

  const save = useMutation({
    mutationFn: async ({ basics, shelve }: { basics: Basics; shelve: boolean }) => {
      const rows = matrix.rows;
      if (id === null) {
        const created = await api.POST('/products', {
          body: {
            ...basics,
            subtitle: basics.subtitle ?? '',
            description: basics.description ?? '',
            skus: rows.map(newSkuBody),
          },
        });
        return shelve ? thenShelve(created) : created;
      }
      await api.PATCH('/products/{id}', { params: { path: { id } }, body: basics });
      const errors: RowErrors = new Map();
      for (const [i, r] of rows.entries()) {
        try {
          if (r.id === undefined) {
            await api.POST('/products/{id}/skus', { params: { path: { id } }, body: newSkuBody(r) });
          } else {
            const before = original.get(r.id);
            if (before && (before.code !== r.code.trim() || before.priceFen !== r.priceFen || specsKey(before.specs) !== specsKey(r.specs))) {
              await api.PATCH('/skus/{id}', { params: { path: { id: r.id } }, body: skuUpdateBody(r) });
            }
          }
        } catch (err) {
          if (!(err instanceof ApiError) || err.status >= 500 || err.status === 401) throw err;
          const field = (err.details as { field?: string } | undefined)?.field ?? err.issues[0]?.field ?? 'code';
          errors.set(i, {
            [field.includes('price') ? 'priceFen' : field.includes('stock') ? 'stock' : 'code']: err.issues[0]
              ? fieldMessage(err.issues[0], SKU_WORDS)
              : err.message,
          });
        }
      }
      if (errors.size) {
        setServerErrors(errors);
        throw new Error(zh.errors.VALIDATION_FAILED);
      }
      const saved = await api.GET('/products/{id}', { params: { path: { id } } });
      return shelve && saved.status !== 'on_shelf' ? thenShelve(saved) : saved;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['product', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      setServerErrors(new Map());
      setShowErrors(false);
      if (id === null) {
        message.success(saved.status === 'on_shelf' ? zh.products.createdOnShelf : zh.products.created);
        navigate(`/products/${saved.id}`, { replace: true });
      } else {
        message.success(zh.products.saved);
      }
    },
    onError: (err) => {
      // Field errors beside their fields: the form's own, and the SKU rows' ("skus.2.code").
      // The form stays as typed: nothing here reloads or resets it.
      const rowErrors: RowErrors = new Map();
      const skuField = (field: string) => /^skus\.(\d+)\.(code|priceFen|stock)$/.exec(field);
      const rest = applyFieldErrors(form, err, (field) => (field.startsWith('skus') ? null : field)).filter((issue) => !skuField(issue.field));
      if (err instanceof ApiError)
        for (const issue of err.issues) {
          const m = skuField(issue.field);
          if (m) rowErrors.set(Number(m[1]), { ...rowErrors.get(Number(m[1])), [m[2]!]: fieldMessage(issue, SKU_WORDS) });
        }
      if (rowErrors.size) setServerErrors(rowErrors);
      setTopError(rest.length || !(err instanceof ApiError) || !err.issues.length ? errorText(err) : null);
    },
  });

  const shelf = useMutation({
    mutationFn: (onShelf: boolean) => api.POST(onShelf ? '/products/{id}/shelve' : '/products/{id}/unshelve', { params: { path: { id: id! } } }),
    onSuccess: (p) => {
      queryClient.setQueryData(['product', p.id], p);
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      message.success(zh.common.saved);
    },
    onError: (err) => message.error(errorText(err)),
  });

  const submit = async (shelve = false) => {
    setTopError(null);
    setServerErrors(new Map());
    setShowErrors(true);
    const basics = await form.validateFields().catch(() => null);
    if (!basics || validateRows(matrix.rows).size > 0) return;
    save.mutate({ basics, shelve });
  };

  if (id !== null && (q.isPending || q.error)) return <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()} />;

  return (
    <div>
      <div className='page-header'>
        <Space>
          <h2>{id === null ? zh.products.createTitle : zh.products.editTitle}</h2>
          {product && <Tag data-testid='product-status'>{zh.products.statuses[product.status]}</Tag>}
        </Space>
        <Space>
          <Button onClick={() => navigate('/products')}>{zh.common.back}</Button>
          {product && (
            <Guard>
              {product.status === 'on_shelf' ? (
                <Button loading={shelf.isPending} onClick={() => shelf.mutate(false)} data-testid='product-unshelve'>
                  {zh.products.unshelve}
                </Button>
              ) : (
                <Button loading={shelf.isPending} onClick={() => shelf.mutate(true)} data-testid='product-shelve'>
                  {zh.products.shelve}
                </Button>
              )}
            </Guard>
          )}
          <Guard>
            <Button
              type={product?.status === 'on_shelf' ? 'primary' : 'default'}
              loading={save.isPending}
              onClick={() => submit()}
              data-testid='product-save'
            >
              {zh.common.save}
            </Button>
          </Guard>
          {product?.status !== 'on_shelf' && (
            <Guard>
              <Button type='primary' loading={save.isPending} onClick={() => submit(true)} data-testid='product-save-shelve'>
                {zh.products.saveAndShelve}
              </Button>
            </Guard>
          )}
        </Space>
      </div>
      {topError && <Alert type='error' showIcon message={topError} style={{ marginBottom: 16 }} data-testid='product-error' />}
      <Form<Basics>
        form={form}
        layout='vertical'
        disabled={!canEdit}
        initialValues={{ title: '', subtitle: '', categoryId: null, sortOrder: 0, imageUrls: [], description: '' }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card title={zh.products.basics} style={{ marginBottom: 16 }}>
              <Form.Item name='title' label={zh.products.productTitle} required rules={[basicsRule('title')]}>
                <Input maxLength={60} showCount data-testid='product-title' />
              </Form.Item>
              <Form.Item name='subtitle' label={zh.products.subtitle} rules={[basicsRule('subtitle')]}>
                <Input maxLength={120} />
              </Form.Item>
              <Row gutter={16}>
                <Col span={14}>
                  <Form.Item name='categoryId' label={zh.products.category}>
                    <TreeSelect allowClear treeDefaultExpandAll treeData={categoryOptions(categories.data)} placeholder={zh.products.noCategory} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name='sortOrder' label={zh.products.sortOrder} extra={zh.products.sortOrderHint} rules={[basicsRule('sortOrder')]}>
                    <InputNumber precision={0} min={-1_000_000} max={1_000_000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={zh.products.images} style={{ marginBottom: 16 }}>
              <Form.Item name='imageUrls' noStyle>
                <ImageUploader disabled={!canEdit} />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Card
          title={zh.products.specs}
          style={{ marginBottom: 16 }}
          extra={product ? <Typography.Text type='secondary'>{zh.products.skuCount(product.skus.length)}</Typography.Text> : null}
        >
          {id !== null && <Typography.Paragraph type='secondary'>{zh.sku.stockViaAdjust}</Typography.Paragraph>}
          <SkuMatrixEditor
            value={matrix}
            onChange={setMatrix}
            showErrors={showErrors}
            serverErrors={serverErrors}
            disabled={!canEdit}
            onAdjustStock={(row) => setAdjusting(row)}
            onShowHistory={(row) => setHistoryOf(row.id ?? null)}
          />
        </Card>
        <Card title={zh.products.description}>
          <Form.Item name='description' noStyle>
            <RichTextEditor disabled={!canEdit} />
          </Form.Item>
        </Card>
      </Form>
      {id !== null && (
        <StockAdjustModal
          productId={id}
          sku={
            adjusting && adjusting.id !== undefined
              ? { id: adjusting.id, code: adjusting.code, specs: adjusting.specs, stock: adjusting.stock }
              : null
          }
          onClose={() => setAdjusting(null)}
        />
      )}
      <StockHistoryDrawer skuId={historyOf} onClose={() => setHistoryOf(null)} />
    </div>
  );
}
