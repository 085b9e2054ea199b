import { Text, View } from '@tarojs/components';
import type { Profile } from '@zhijian/shared';
import { Card } from '../../../components/Card';

/** A member's 亮身份: skills, service promises and this year's commitments. No phone number, ever. */
export function ProfileCard({ profile }: { profile: Profile }) {
  return (
    <Card className="zj-profile-card">
      <View className="zj-aie__bar">
        <Text className="zj-card__title">{profile.name}</Text>
        <Text className="zj-aie__note">{profile.unit?.name ?? ''}</Text>
      </View>
      {profile.skills.length ? (
        <View className="zj-aie__skills">
          {profile.skills.map((skill) => (
            <Text key={skill} className="zj-aie__skill">
              {skill}
            </Text>
          ))}
        </View>
      ) : null}
      {profile.promises ? <Text className="zj-aie__line">服务承诺：{profile.promises}</Text> : null}
      {profile.heldReason ? <Text className="zj-aie__warn">{profile.heldReason}</Text> : null}
      {profile.commitments.map((c) => (
        <Text key={c.id} className="zj-aie__note">
          【{c.statusLabel}】{c.title}（{c.dueOn} 前）
        </Text>
      ))}
    </Card>
  );
}
