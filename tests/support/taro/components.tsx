/**
 * Renderable stand-ins for @tarojs/components in component tests (happy-dom). Each keeps the props
 * our code uses and maps Taro's event shapes (`event.detail.value`) onto DOM events.
 */
import type { CSSProperties, ReactNode } from 'react';

interface BaseProps {
  children?: ReactNode;
  className?: string;
  style?: CSSProperties | string;
  id?: string;
  onClick?: (event: { type: 'tap'; detail: Record<string, never> }) => void;
  hoverClass?: string;
  ariaRole?: string;
  ariaLabel?: string;
}

function base({ className, style, id, ariaRole, ariaLabel }: BaseProps) {
  return {
    className,
    style: typeof style === 'string' ? undefined : style,
    id,
    role: ariaRole,
    'aria-label': ariaLabel,
  };
}

const tap = { type: 'tap', detail: {} } as const;

export function View(props: BaseProps) {
  return (
    <div {...base(props)} onClick={props.onClick ? () => props.onClick?.(tap) : undefined}>
      {props.children}
    </div>
  );
}

export function Text(props: BaseProps) {
  return (
    <span {...base(props)} onClick={props.onClick ? () => props.onClick?.(tap) : undefined}>
      {props.children}
    </span>
  );
}

interface ButtonProps extends BaseProps {
  disabled?: boolean;
  loading?: boolean;
  openType?: string;
  onAgreePrivacyAuthorization?: (event: { detail: Record<string, never> }) => void;
}

export function Button(props: ButtonProps) {
  return (
    <button
      type="button"
      {...base(props)}
      disabled={props.disabled}
      data-loading={props.loading ? 'true' : undefined}
      data-open-type={props.openType}
      onClick={() => {
        props.onClick?.(tap);
        if (props.openType === 'agreePrivacyAuthorization') props.onAgreePrivacyAuthorization?.({ detail: {} });
      }}
    >
      {props.children}
    </button>
  );
}

interface InputProps extends BaseProps {
  value?: string;
  name?: string;
  type?: string;
  password?: boolean;
  placeholder?: string;
  placeholderClass?: string;
  maxlength?: number;
  disabled?: boolean;
  confirmType?: string;
  onInput?: (event: { detail: { value: string } }) => void;
  onConfirm?: (event: { detail: { value: string } }) => void;
}

export function Input(props: InputProps) {
  return (
    <input
      {...base(props)}
      name={props.name}
      type={props.password ? 'password' : 'text'}
      // Taro's `digit` and `number` open the phone's numeric keyboard; the DOM says so with inputmode.
      inputMode={props.type === 'digit' ? 'decimal' : props.type === 'number' ? 'numeric' : undefined}
      disabled={props.disabled}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      maxLength={props.maxlength}
      onChange={(event) => props.onInput?.({ detail: { value: event.currentTarget.value } })}
      onKeyDown={(event) => {
        if (event.key === 'Enter') props.onConfirm?.({ detail: { value: event.currentTarget.value } });
      }}
    />
  );
}

export function Textarea(props: InputProps & { autoHeight?: boolean; placeholderClass?: string }) {
  return (
    <textarea
      {...base(props)}
      name={props.name}
      value={props.value ?? ''}
      disabled={props.disabled}
      placeholder={props.placeholder}
      maxLength={props.maxlength}
      onChange={(event) => props.onInput?.({ detail: { value: event.currentTarget.value } })}
    />
  );
}

export function Image(props: BaseProps & { src: string; mode?: string }) {
  return <img {...base(props)} src={props.src} alt="" />;
}

export function ScrollView(props: BaseProps) {
  return <div {...base(props)}>{props.children}</div>;
}

interface PickerProps extends BaseProps {
  mode?: string;
  fields?: string;
  value?: string;
  start?: string;
  end?: string;
  onChange?: (event: { detail: { value: string } }) => void;
}

/** WeChat's picker: its children are what shows; a test picks by changing the hidden input it stands for. */
export function Picker(props: PickerProps) {
  return (
    <div {...base(props)} data-mode={props.mode} data-fields={props.fields} data-start={props.start} data-end={props.end}>
      {props.children}
      <input
        aria-label="picker"
        value={props.value ?? ''}
        onChange={(event) => props.onChange?.({ detail: { value: event.currentTarget.value } })}
      />
    </div>
  );
}

/** WeChat's `video`: a DOM video with the address and poster it was given. */
export function Video(props: BaseProps & { src: string; poster?: string; controls?: boolean }) {
  return <video {...base(props)} src={props.src} poster={props.poster} controls={props.controls} />;
}

/** WeChat's `channel-video` (a 视频号 feed): what it would play, as data attributes. */
export function ChannelVideo(props: BaseProps & { finderUserName: string; feedId: string; autoplay?: boolean }) {
  return (
    <div {...base(props)} role="region" aria-label="视频号视频" data-finder-user-name={props.finderUserName} data-feed-id={props.feedId} />
  );
}
