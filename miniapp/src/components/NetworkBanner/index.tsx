import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useStore } from '../../hooks/useStore';
import { networkStore } from '../../services/network';
import { myOutboxItems, outboxStore } from '../../services/outboxState';
import { OUTBOX_PAGE } from '../../routes';
import './index.scss';

export interface NetworkBannerProps {
  online: boolean;
  weak: boolean;
  /** Writes waiting in the outbox. */
  waiting: number;
  /** Writes the server refused since the person last looked. */
  refused: number;
  /** Opens the outbox; none on the outbox page itself. */
  onOpen?: () => void;
}

/**
 * One quiet line at the top of every page instead of a toast per failed request: offline, weak, or
 * writes waiting to be sent / refused. Nothing when all is well.
 */
export function NetworkBanner({ online, weak, waiting, refused, onOpen }: NetworkBannerProps) {
  if (online && !weak && waiting === 0 && refused === 0) return null;
  const kind = !online ? 'offline' : refused > 0 ? 'refused' : weak ? 'weak' : 'waiting';
  const message = !online
    ? '网络已断开：可阅读已下载的简报，保存的内容联网后自动发送'
    : refused > 0
      ? `${refused} 项内容未能发送，请查看原因`
      : weak
        ? '网络信号弱，加载可能较慢'
        : '正在发送离线时保存的内容';
  return (
    <View className={`zj-net zj-net--${kind}`} role="status" onClick={onOpen}>
      <Text className="zj-net__dot" />
      <Text className="zj-net__message">{message}</Text>
      {waiting > 0 ? <Text className="zj-net__count">{waiting} 项待发送</Text> : null}
      {onOpen ? <Text className="zj-net__arrow">›</Text> : null}
    </View>
  );
}

/** The banner as the app shell shows it (`Page`): the network and the signed-in member's outbox. */
export function AppNetworkBanner({ onOutboxPage = false }: { onOutboxPage?: boolean }) {
  const network = useStore(networkStore);
  const outbox = useStore(outboxStore);
  const waiting = myOutboxItems(outbox).length;
  const refused = outbox.outcomes.filter((outcome) => !outcome.ok).length;
  return (
    <NetworkBanner
      online={network.online}
      weak={network.weak}
      waiting={waiting}
      refused={onOutboxPage ? 0 : refused}
      onOpen={onOutboxPage ? undefined : () => void Taro.navigateTo({ url: OUTBOX_PAGE })}
    />
  );
}
