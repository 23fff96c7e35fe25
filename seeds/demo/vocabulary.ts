/**
 * Realistic values for the non-identifying columns of the demo world: what customers of the
 * 数智空间 workspace work on, what they ask customer service, which phones they use, which
 * pages they visit. Plain lists; the generator picks from them with its seeded PRNG.
 */

export const CITIES = `杭州 上海 北京 深圳 广州 成都 南京 苏州 武汉 西安`.split(' ');

export const COMPANY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['星河', 'xinghe'],
  ['云帆', 'yunfan'],
  ['恒信', 'hengxin'],
  ['华瑞', 'huarui'],
  ['远航', 'yuanhang'],
  ['博达', 'boda'],
  ['鼎盛', 'dingsheng'],
  ['卓越', 'zhuoyue'],
  ['锦程', 'jincheng'],
  ['新元', 'xinyuan'],
  ['智联', 'zhilian'],
  ['天成', 'tiancheng'],
];
export const COMPANY_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['科技有限公司', 'tech'],
  ['信息技术有限公司', 'it'],
  ['贸易有限公司', 'trade'],
  ['制造有限公司', 'mfg'],
  ['物流有限公司', 'logistics'],
  ['教育科技有限公司', 'edu'],
];
export const INDUSTRIES = ['制造业', '零售', '金融', '教育', '医疗健康', '物流', '互联网'];

export const JOB_TITLES = [
  '软件工程师',
  '产品经理',
  '销售经理',
  '财务主管',
  '人事专员',
  '运营专员',
  '项目经理',
  '客服主管',
  'Data Analyst',
  'Engineering Manager',
];

export const TASK_TITLES = [
  '季度财务报表审核',
  '客户合同续签',
  '服务器例行巡检',
  '市场活动方案策划',
  '供应商对账',
  '员工培训计划',
  '新版本上线验收',
  '采购申请',
  '招聘需求评审',
  'Quarterly OKR review',
  'Prepare customer demo',
  '差旅报销',
];
export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'];

export const APPROVAL_DECISIONS = ['approved', 'approved', 'approved', 'rejected', 'pending'];
export const APPROVAL_COMMENTS = [
  '同意',
  '同意，请按计划执行',
  '请补充预算明细',
  '预算超标，驳回',
  'LGTM',
  'Please attach the signed contract',
  null,
];

export const CONSULTATION_CHANNELS = ['phone', 'online_chat', 'email', 'wechat', 'ticket'];
export const CONSULTATION_CONTENT = [
  '审批流程无法提交，提示权限不足',
  '如何导出任务报表？',
  '收不到短信验证码',
  '申请开具增值税发票',
  '账号被锁定，无法登录',
  '想把员工批量导入到组织架构',
  'Cannot log in with the SMS code on a new phone',
  '咨询企业版价格与续费',
  '数据迁移需要多久？',
  'How do I change the approver of a workflow?',
];

export const EVENT_TYPES = ['page_view', 'page_view', 'page_view', 'click', 'search'];
export const PAGES =
  `/home /workspace/tasks /workspace/approvals /workspace/calendar /docs/getting-started /pricing /account/settings /account/security /help/faq /workspace/reports`.split(
    ' ',
  );

export interface DeviceModel {
  readonly brand: string;
  readonly model: string;
  readonly os: readonly string[];
  readonly ios: boolean;
}

export const DEVICE_MODELS: readonly DeviceModel[] = [
  { brand: 'Apple', model: 'iPhone 15 Pro', os: ['iOS 17.5.1', 'iOS 18.2'], ios: true },
  { brand: 'Apple', model: 'iPhone 13', os: ['iOS 16.7.8', 'iOS 17.4'], ios: true },
  { brand: 'Apple', model: 'iPad Air', os: ['iPadOS 17.5'], ios: true },
  { brand: 'HUAWEI', model: 'Mate 60 Pro', os: ['HarmonyOS 4.2', 'HarmonyOS 4.0'], ios: false },
  { brand: 'HUAWEI', model: 'P60', os: ['HarmonyOS 4.0'], ios: false },
  { brand: 'Xiaomi', model: 'Xiaomi 14', os: ['Android 14 (HyperOS 1.0)'], ios: false },
  { brand: 'Xiaomi', model: 'Redmi K70', os: ['Android 14 (HyperOS 1.0)'], ios: false },
  { brand: 'OPPO', model: 'Find X7', os: ['Android 14 (ColorOS 14)'], ios: false },
  { brand: 'vivo', model: 'X100', os: ['Android 14 (OriginOS 4)'], ios: false },
  { brand: 'HONOR', model: 'Magic6', os: ['Android 14 (MagicOS 8.0)'], ios: false },
  { brand: 'Lenovo', model: 'ThinkPad X1 Carbon', os: ['Windows 11 23H2'], ios: false },
];

export const SECURITY_SERVICES: ReadonlyArray<
  readonly [category: string, methods: readonly string[]]
> = [
  ['account_login', ['password', 'sms_code', 'qr_code', 'sso']],
  ['workspace_sync', ['https_pull', 'websocket']],
  ['file_upload', ['multipart', 'resumable']],
  ['approval_submit', ['api', 'mobile_app']],
  ['malware_scan', ['realtime', 'scheduled']],
];

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 14; 23127PN0CC) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36',
  'ShuZhiKongJian/5.8.2 (HarmonyOS 4.2; HUAWEI ALN-AL00)',
];

export const IDENTIFIER_KINDS = ['web_cookie', 'web_cookie', 'app_instance_id', 'oaid'];

export const CONSENT_PURPOSES = ['analytics', 'marketing', 'customer_research'];

export interface SharingRecipient {
  readonly name: string;
  readonly kind: 'affiliate' | 'authority';
  readonly categories: string;
  readonly legalGround: string;
}

// Policy §V.1: provision to affiliates for core functionality (c), to authorities on request (b).
export const SHARING_RECIPIENTS: readonly SharingRecipient[] = [
  {
    name: 'Hangzhou Humpback Whale Technology Co., Ltd.',
    kind: 'affiliate',
    categories: 'user.name,user.contact.phone_number,user.contact.email',
    legalGround: 'policy V.1(c) core functionality',
  },
  {
    name: 'Whale Cloud Technology (Hangzhou) Co., Ltd. — data centre operations',
    kind: 'affiliate',
    categories: 'user.device.ip_address,user.device.device_id',
    legalGround: 'policy V.1(c) core functionality',
  },
  {
    name: '杭州市公安局西湖区分局',
    kind: 'authority',
    categories: 'user.name,user.contact.phone_number,user.device.ip_address',
    legalGround: 'policy V.1(b) request of a competent authority',
  },
];

// First octets of address blocks held by Chinese ISPs, so the demo IPs look domestic.
export const IP_FIRST_OCTETS = [36, 58, 60, 101, 113, 115, 117, 120, 183, 223];
