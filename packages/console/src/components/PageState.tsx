import { Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { zh } from '../i18n/zh-CN';

/** One place for a page's loading, error and empty states. */
export function PageState({
  loading,
  error,
  empty,
  onRetry,
  children,
}: {
  loading?: boolean;
  error?: unknown;
  empty?: boolean;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  if (loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (error) {
    const message = error instanceof ApiError ? error.message : zh.common.loadFailed;
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'warning'}
        title={zh.common.loadFailed}
        subTitle={message}
        extra={
          onRetry ? (
            <Button type='primary' onClick={onRetry}>
              {zh.common.retry}
            </Button>
          ) : null
        }
      />
    );
  }
  if (empty) return <Empty description={zh.common.empty} />;
  return <>{children}</>;
}

export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : zh.common.loadFailed;
}
