import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Image, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, asFormData } from '../api/client';
import { zh } from '../i18n/zh-CN';
import { errorText } from './PageState';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES = 9;

/** Product images: uploaded to the API (which answers an absolute URL), previewed, reordered; the first is the cover. */
export function ImageUploader({
  value = [],
  onChange,
  disabled,
  max = MAX_IMAGES,
  hint = zh.products.imagesHint,
}: {
  value?: string[];
  onChange?: (urls: string[]) => void;
  disabled?: boolean;
  /** How many images (the points mall takes one: a new upload replaces it). */
  max?: number;
  /** The line under the strip; null for none (the form item says it). */
  hint?: string | null;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const move = (from: number, to: number) => {
    const next = [...value];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange?.(next);
  };
  return (
    <div>
      <div className='image-strip' data-testid='image-strip'>
        <Image.PreviewGroup>
          {value.map((url, i) => (
            <div key={url} className='image-tile' data-testid='image-tile'>
              <Image src={url} width={100} height={100} style={{ objectFit: 'cover' }} />
              <Space size={2} style={{ marginTop: 4 }}>
                {i === 0 && max > 1 ? <Tag color='blue'>{zh.products.cover}</Tag> : null}
                {!disabled && (
                  <>
                    <Tooltip title={zh.common.moveUp}>
                      <Button
                        size='small'
                        type='text'
                        icon={<ArrowLeftOutlined />}
                        disabled={i === 0}
                        onClick={() => move(i, i - 1)}
                        aria-label={zh.common.moveUp}
                      />
                    </Tooltip>
                    <Tooltip title={zh.common.moveDown}>
                      <Button
                        size='small'
                        type='text'
                        icon={<ArrowRightOutlined />}
                        disabled={i === value.length - 1}
                        onClick={() => move(i, i + 1)}
                        aria-label={zh.common.moveDown}
                      />
                    </Tooltip>
                    <Tooltip title={zh.common.remove}>
                      <Button
                        size='small'
                        type='text'
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => onChange?.(value.filter((u) => u !== url))}
                        aria-label={zh.common.remove}
                      />
                    </Tooltip>
                  </>
                )}
              </Space>
            </div>
          ))}
        </Image.PreviewGroup>
        {!disabled && (value.length < max || max === 1) && (
          <Upload
            accept={TYPES.join(',')}
            multiple={max > 1}
            showUploadList={false}
            beforeUpload={(file) => {
              if (!TYPES.includes(file.type)) {
                message.error(zh.products.uploadWrongType);
                return Upload.LIST_IGNORE;
              }
              if (file.size > MAX_IMAGE_BYTES) {
                message.error(zh.products.uploadTooBig);
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={async ({ file, onSuccess, onError }) => {
              setUploading((n) => n + 1);
              try {
                const uploaded = await api.POST('/uploads', { body: { file: file as Blob }, bodySerializer: asFormData });
                onChange?.(max === 1 ? [uploaded.url] : [...(value ?? []), uploaded.url].slice(0, max));
                onSuccess?.(uploaded);
              } catch (err) {
                message.error(errorText(err));
                onError?.(err as Error);
              } finally {
                setUploading((n) => n - 1);
              }
            }}
          >
            <button type='button' className='image-tile' style={{ height: 142, cursor: 'pointer', borderStyle: 'dashed' }} data-testid='image-upload'>
              <PlusOutlined />
              <div style={{ marginTop: 8 }}>{uploading ? zh.common.loading : zh.products.upload}</div>
            </button>
          </Upload>
        )}
      </div>
      {hint && (
        <Typography.Text type='secondary' style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </div>
  );
}
