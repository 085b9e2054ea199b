import { Text, View } from '@tarojs/components';

interface ReaderToolbarProps {
  favourite: boolean;
  showFavourite: boolean;
  fontPanelOpen: boolean;
  onToc: () => void;
  onFont: () => void;
  onFavourite: () => void;
}

/** The reader's bottom bar: 导读, 字号 and 收藏, always one tap away. */
export function ReaderToolbar({ favourite, showFavourite, fontPanelOpen, onToc, onFont, onFavourite }: ReaderToolbarProps) {
  return (
    <View className="zj-reader-bar">
      <View className="zj-reader-bar__item" ariaRole="button" ariaLabel="本期导读" hoverClass="zj-reader-bar__item--hover" onClick={onToc}>
        <Text className="zj-reader-bar__icon">☰</Text>
        <Text className="zj-reader-bar__label">导读</Text>
      </View>
      <View
        className={`zj-reader-bar__item${fontPanelOpen ? ' zj-reader-bar__item--on' : ''}`}
        ariaRole="button"
        ariaLabel="调整字号"
        hoverClass="zj-reader-bar__item--hover"
        onClick={onFont}
      >
        <Text className="zj-reader-bar__icon">A</Text>
        <Text className="zj-reader-bar__label">字号</Text>
      </View>
      {showFavourite ? (
        <View
          className={`zj-reader-bar__item${favourite ? ' zj-reader-bar__item--on' : ''}`}
          ariaRole="button"
          ariaLabel={favourite ? '取消收藏' : '收藏'}
          hoverClass="zj-reader-bar__item--hover"
          onClick={onFavourite}
        >
          <Text className="zj-reader-bar__icon">{favourite ? '★' : '☆'}</Text>
          <Text className="zj-reader-bar__label">{favourite ? '已收藏' : '收藏'}</Text>
        </View>
      ) : null}
    </View>
  );
}
