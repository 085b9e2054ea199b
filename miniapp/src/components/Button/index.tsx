import { Button as TaroButton } from '@tarojs/components';
import type { ButtonProps as TaroButtonProps } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export interface ButtonProps {
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'plain' | 'danger';
  size?: 'normal' | 'small';
  block?: boolean;
  loading?: boolean;
  disabled?: boolean;
  id?: string;
  openType?: TaroButtonProps['openType'];
  onClick?: () => void;
  onAgreePrivacyAuthorization?: TaroButtonProps['onAgreePrivacyAuthorization'];
}

export function Button({
  children,
  variant = 'primary',
  size = 'normal',
  block = false,
  loading = false,
  disabled = false,
  id,
  openType,
  onClick,
  onAgreePrivacyAuthorization,
}: ButtonProps) {
  const inactive = disabled || loading;
  const className = `zj-button zj-button--${variant} zj-button--${size}${block ? ' zj-button--block' : ''}${inactive ? ' zj-button--inactive' : ''}`;
  return (
    <TaroButton
      {...(id ? { id } : {})}
      className={className}
      // Only when true: H5 renders `disabled="false"` as an attribute, which its styles read as disabled.
      {...(loading ? { loading: true } : {})}
      {...(inactive ? { disabled: true } : {})}
      openType={openType}
      onClick={() => {
        if (!inactive) onClick?.();
      }}
      onAgreePrivacyAuthorization={onAgreePrivacyAuthorization}
    >
      {children}
    </TaroButton>
  );
}
