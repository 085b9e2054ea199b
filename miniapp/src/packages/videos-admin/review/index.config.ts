export default definePageConfig({ navigationBarTitleText: '视频审核与结果' });
