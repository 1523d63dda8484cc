import { Space, Tag, Typography } from 'antd';
import { ConfirmButton } from '../../components/Guard';
import { zh } from '../../i18n/zh-CN';
import { validityText } from './coupon-rule';
import { STATUS_ACTIONS, STATUS_COLORS, type StatusAction, useStatusChange } from './queries';
import type { Schemas } from '../../api/client';

type CouponTemplate = Schemas['CouponTemplate'];

/** The status tag, and what the template's state says about claiming now (past its window, sold out, not public). */
export function StatusTags({ tpl, now = Date.now() }: { tpl: CouponTemplate; now?: number }) {
  const past = tpl.validity.type === 'fixed' && Date.parse(tpl.validity.until) <= now;
  const soldOut = tpl.totalStock !== null && tpl.claimedCount >= tpl.totalStock;
  return (
    <Space size={[4, 4]} wrap>
      <Tag color={STATUS_COLORS[tpl.status]} data-testid={`coupon-status-${tpl.id}`} style={{ marginInlineEnd: 0 }}>
        {zh.coupons.statuses[tpl.status]}
      </Tag>
      {past && tpl.status !== 'ended' && <Tag style={{ marginInlineEnd: 0 }}>{zh.coupons.pastValidity}</Tag>}
      {soldOut && tpl.status !== 'ended' && (
        <Tag color='volcano' style={{ marginInlineEnd: 0 }}>
          {zh.coupons.soldOut}
        </Tag>
      )}
    </Space>
  );
}

/** 启用 / 暂停 / 结束 with a confirmation each; disabled with the reason for a read-only account. */
export function StatusActions({ tpl, size, type }: { tpl: CouponTemplate; size?: 'small' | 'middle'; type?: 'link' | 'default' }) {
  const change = useStatusChange();
  const busy = change.isPending && change.variables?.id === tpl.id;
  return (
    <>
      {STATUS_ACTIONS[tpl.status].map((action: StatusAction) => (
        <ConfirmButton
          key={action}
          size={size}
          type={type}
          danger={action === 'end'}
          loading={busy && change.variables?.action === action}
          disabled={busy}
          confirm={zh.coupons.confirm[action]}
          onConfirm={() => change.mutate({ id: tpl.id, action })}
          data-testid={`coupon-${action}-${tpl.id}`}
          style={type === 'link' ? { paddingInline: 4 } : undefined}
        >
          {zh.coupons[action]}
        </ConfirmButton>
      ))}
    </>
  );
}

/** A template's validity on two short lines (a fixed window), or one (N days from the claim). */
export function ValidityCell({ tpl, timeZone }: { tpl: CouponTemplate; timeZone: string }) {
  const text = validityText(tpl.validity, timeZone);
  if (tpl.validity.type !== 'fixed') return <span>{text}</span>;
  const [from, until] = text.split(' 至 ');
  return (
    <span className='nowrap' style={{ display: 'inline-block', lineHeight: 1.6 }}>
      {from}
      <br />
      <Typography.Text type='secondary'>至 </Typography.Text>
      {until}
    </span>
  );
}
