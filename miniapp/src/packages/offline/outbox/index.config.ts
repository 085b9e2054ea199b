export default definePageConfig({ navigationBarTitleText: '待发送与离线阅读' });
