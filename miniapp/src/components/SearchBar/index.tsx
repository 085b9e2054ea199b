import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../Button';
import './index.scss';

interface SearchBarProps {
  placeholder: string;
  onSearch: (text: string) => void;
}

/** Search on 搜索 or the keyboard's confirm key, not on every keystroke (every search is a request). */
export function SearchBar({ placeholder, onSearch }: SearchBarProps) {
  const [text, setText] = useState('');
  return (
    <View className="zj-search">
      <Input
        className="zj-search__input"
        value={text}
        placeholder={placeholder}
        confirmType="search"
        maxlength={50}
        onInput={(event) => setText(event.detail.value)}
        onConfirm={() => onSearch(text.trim())}
      />
      <Button size="small" onClick={() => onSearch(text.trim())}>
        搜索
      </Button>
    </View>
  );
}
