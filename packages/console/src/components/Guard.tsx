import { Button, type ButtonProps, Popconfirm, Tooltip } from 'antd';
import { cloneElement, type ReactElement, type ReactNode } from 'react';
import { usePermissions } from '../auth/session';
import { zh } from '../i18n/zh-CN';

/**
 * Wraps a control that changes something. A read-only account does not get it at all (the layout says the account
 * is read-only, and why), or, with `viewer='disable'`, sees it disabled with the reason in a tooltip (where seeing
 * what could be done explains the page, as on the coupon pages); an owner-only control is shown disabled to other
 * editors, with the reason in a tooltip.
 */
export function Guard({
  need = 'edit',
  viewer = 'hide',
  children,
}: {
  need?: 'edit' | 'owner';
  viewer?: 'hide' | 'disable';
  children: ReactElement<{ disabled?: boolean }>;
}) {
  const { canEdit, isOwner } = usePermissions();
  if (!canEdit) return viewer === 'hide' ? null : <Disabled reason={zh.common.readOnly}>{children}</Disabled>;
  if (need === 'owner' && !isOwner) return <Disabled reason={zh.common.ownerOnly}>{children}</Disabled>;
  return children;
}

function Disabled({ reason, children }: { reason: string; children: ReactElement<{ disabled?: boolean }> }) {
  return (
    <Tooltip title={reason}>
      <span style={{ display: 'inline-block' }} data-disabled-reason={reason}>
        {cloneElement(children, { disabled: true })}
      </span>
    </Tooltip>
  );
}

/** For form fields a read-only account may look at but not change: disabled, saying why. */
export function ReadOnlyHint({ children }: { children: ReactElement<{ disabled?: boolean }> }) {
  const { canEdit } = usePermissions();
  if (canEdit) return children;
  return <Disabled reason={zh.common.readOnly}>{children}</Disabled>;
}

/**
 * A button that changes something after the merchant confirms it (activate, pause, end…). Editors get the question
 * first; a read-only account sees the button disabled, saying why.
 */
export function ConfirmButton({ confirm, onConfirm, children, ...button }: ButtonProps & { confirm: ReactNode; onConfirm: () => void }) {
  const { canEdit } = usePermissions();
  if (!canEdit) return <Disabled reason={zh.common.readOnly}>{<Button {...button}>{children}</Button>}</Disabled>;
  return (
    <Popconfirm title={confirm} onConfirm={onConfirm} okText={zh.common.confirm} cancelText={zh.common.cancel} styles={{ root: { maxWidth: 320 } }}>
      <Button {...button}>{children}</Button>
    </Popconfirm>
  );
}

/** A settings form's 保存 (its submit button); a read-only account sees it disabled, saying why. */
export function SaveButton({ loading, testId }: { loading: boolean; testId: string }) {
  return (
    <Guard viewer='disable'>
      <Button type='primary' htmlType='submit' loading={loading} data-testid={testId}>
        {zh.common.save}
      </Button>
    </Guard>
  );
}
