export default definePageConfig({ navigationBarTitleText: '亮身份 明承诺' });
