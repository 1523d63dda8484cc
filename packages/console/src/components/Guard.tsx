import { Tooltip } from 'antd';
import { cloneElement, type ReactElement } from 'react';
import { usePermissions } from '../auth/session';
import { zh } from '../i18n/zh-CN';

/**
 * Wraps a control that changes something. A read-only account does not get it at all (the layout says the account
 * is read-only, and why); an owner-only control is shown disabled to other editors, with the reason in a tooltip.
 */
export function Guard({ need = 'edit', children }: { need?: 'edit' | 'owner'; children: ReactElement<{ disabled?: boolean }> }) {
  const { canEdit, isOwner } = usePermissions();
  if (!canEdit) return null;
  if (need === 'owner' && !isOwner) {
    return (
      <Tooltip title={zh.common.ownerOnly}>
        <span style={{ display: 'inline-block' }}>{cloneElement(children, { disabled: true })}</span>
      </Tooltip>
    );
  }
  return children;
}

/** For form fields a read-only account may look at but not change: disabled, saying why. */
export function ReadOnlyHint({ children }: { children: ReactElement<{ disabled?: boolean }> }) {
  const { canEdit } = usePermissions();
  if (canEdit) return children;
  return (
    <Tooltip title={zh.common.readOnly}>
      <span style={{ display: 'inline-block' }}>{cloneElement(children, { disabled: true })}</span>
    </Tooltip>
  );
}
