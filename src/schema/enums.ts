import type { EnumOption } from './types';

/** Every enumeration, declared once: server validation, selects, filters, import and export
 * all read these. The order is the order users see. */
const options = (list: [id: string, zh: string, en: string, aliases?: string[]][]): EnumOption[] =>
  list.map(([id, zh, en, aliases]) => ({ id, label: { zh, en }, ...(aliases ? { aliases } : {}) }));

export const enums: Record<string, EnumOption[]> = {
  organizationKind: options([
    ['enterprise', '企业', 'Enterprise', ['公司', '企业单位', 'company']],
    ['university', '高校', 'University', ['大学', '学校', '高等院校', 'college']],
    ['institute', '科研院所', 'Research institute', ['研究院', '研究所', '院所', '科研机构', 'institute']],
    ['government', '政府部门', 'Government body', ['政府', '机关', '党政机关', '事业单位', 'government']],
    ['association', '学会协会', 'Association', ['学会', '协会', '社会组织', 'society']],
    ['media', '媒体', 'Media', ['新闻单位', 'press']],
    ['other', '其他', 'Other'],
  ]),
  industry: options([
    ['highEndEquipment', '高端装备', 'High-end equipment'],
    ['intelligentManufacturing', '智能制造', 'Intelligent manufacturing'],
    ['newMaterials', '新材料', 'New materials'],
    ['graphene', '石墨烯', 'Graphene'],
    ['chemicals', '化工', 'Chemicals'],
    ['bioMaterials', '生物基材料', 'Bio-based materials'],
    ['aerospace', '航空航天', 'Aerospace'],
    ['foodProcessing', '食品加工', 'Food processing'],
    ['textiles', '纺织鞋服', 'Textiles and footwear'],
    ['integratedCircuits', '集成电路', 'Integrated circuits'],
    ['ceramics', '陶瓷', 'Ceramics'],
    ['hardware', '五金', 'Hardware'],
    ['agriMachinery', '农机装备', 'Agricultural machinery'],
    ['medicalDevices', '医疗器械', 'Medical devices'],
    ['energyStorage', '新型储能', 'New energy storage'],
    ['other', '其他', 'Other'],
  ]),
  summitKind: options([
    ['summit', '高峰论坛', 'Summit'],
    ['conference', '大会', 'Conference'],
    ['matchmaking', '对接会', 'Matchmaking meeting'],
    ['forum', '论坛', 'Forum'],
  ]),
  summitStatus: options([
    ['planning', '筹备中', 'Planning'],
    ['inviting', '邀请中', 'Inviting'],
    ['ongoing', '进行中', 'Ongoing'],
    ['finished', '已结束', 'Finished'],
    ['cancelled', '已取消', 'Cancelled'],
  ]),
  lectureKind: options([
    ['keynote', '主旨报告', 'Keynote'],
    ['lecture', '讲座', 'Lecture'],
    ['seminar', '专题研讨', 'Seminar'],
    ['visit', '企业考察', 'Site visit'],
  ]),
  attendeeRole: options([
    ['academician', '院士', 'Academician', ['两院院士', '中国科学院院士', '中国工程院院士', '外籍院士']],
    ['expert', '专家', 'Expert', ['教授', '学者', '研究员', '专家学者', 'professor']],
    ['entrepreneur', '企业家', 'Entrepreneur', ['企业代表', '企业负责人', '企业', 'business']],
    ['official', '领导', 'Official', ['政府领导', '领导嘉宾', '官员', '市领导', '县领导']],
    ['media', '媒体', 'Media', ['记者', '新闻媒体', 'press', 'journalist']],
    ['staff', '工作人员', 'Staff', ['会务', '会务组', '志愿者', 'volunteer']],
    ['guest', '嘉宾', 'Guest', ['来宾', '参会代表', '代表', '特邀嘉宾']],
  ]),
  invitationStatus: options([
    ['toInvite', '待邀请', 'To invite', ['未邀请', '拟邀请']],
    ['invited', '已邀请', 'Invited', ['已发邀请', '已发函', '邀请中']],
    ['confirmed', '已确认', 'Confirmed', ['确认', '确认参会', '参会', '参加', '出席', '确定参加']],
    ['declined', '已婉拒', 'Declined', ['婉拒', '不参加', '不参会', '不出席', '请假']],
    ['checkedIn', '已签到', 'Checked in', ['签到', '已报到', '报到']],
    ['absent', '缺席', 'Absent', ['未到', '未出席']],
  ]),
  // 高铁, 动车, 飞机 and 开车 are how guests answer; the labels are how the plan groups them
  arrivalMode: options([
    ['train', '高铁/火车', 'Train', ['高铁', '动车', '火车', '列车', '铁路', '城际', 'rail', 'high-speed rail']],
    ['flight', '航班', 'Flight', ['飞机', '乘机', '航空', '民航', 'plane', 'air']],
    ['car', '自驾/专车', 'Car', ['自驾', '开车', '驾车', '专车', '小车', '汽车', '公务车', 'self-drive', 'drive']],
    ['coach', '大巴/客车', 'Coach', ['大巴', '客车', '巴士', '班车', '长途汽车', 'bus']],
    ['other', '其他', 'Other', ['其它']],
  ]),
  agreementKind: options([
    ['jointLab', '共建联合实验室', 'Joint laboratory'],
    ['innovationCentre', '技术创新中心', 'Technology innovation centre'],
    ['techTransfer', '技术转让', 'Technology transfer'],
    ['jointRD', '联合研发', 'Joint R&D'],
    ['talent', '人才合作', 'Talent cooperation'],
    ['platform', '平台共建', 'Platform co-building'],
    ['challenge', '揭榜挂帅', 'Challenge project'],
  ]),
  agreementStatus: options([
    ['signed', '已签约', 'Signed'],
    ['inProgress', '推进中', 'In progress'],
    ['landed', '已落地', 'Landed'],
    ['completed', '已完成', 'Completed'],
    ['stalled', '停滞', 'Stalled'],
    ['terminated', '已终止', 'Terminated'],
  ]),
  userRole: options([
    ['admin', '管理员', 'Admin'],
    ['organiser', '会务组织', 'Organiser'],
    ['official', '项目专员', 'Official'],
    ['viewer', '查看者', 'Viewer'],
  ]),
  auditAction: options([
    ['create', '新建', 'Created'],
    ['update', '修改', 'Changed'],
    ['delete', '删除', 'Deleted'],
    ['import', '导入', 'Imported'],
    ['status', '状态变更', 'Status change'],
  ]),
  // what a mail in the outbox is for
  mailKind: options([
    ['invitation', '邀请函', 'Invitation'],
    ['reminder', '回复提醒', 'Reminder'],
    ['reconfirm', '行程确认', 'Travel re-confirmation'],
    ['test', '测试邮件', 'Test mail'],
  ]),
  // how a guest was checked in at a session's desk
  checkinHow: options([
    ['scan', '扫码', 'Scan'],
    ['search', '搜索', 'Search'],
    ['walkIn', '现场登记', 'Walk-in'],
    ['proxy', '代签', 'By staff'],
  ]),
  mailLang: options([
    ['zh', '中文', 'Chinese'],
    ['en', '英文', 'English'],
  ]),
  // queued → sending → sent, or → retrying (and back to sending), or → failed; cancelled
  // by an organiser before it was taken
  mailState: options([
    ['queued', '待发送', 'Queued'],
    ['sending', '发送中', 'Sending'],
    ['sent', '已发送', 'Sent'],
    ['retrying', '等待重试', 'Retrying'],
    ['failed', '发送失败', 'Failed'],
    ['cancelled', '已取消', 'Cancelled'],
  ]),
  followupKind: options([
    ['visit', '走访', 'Visit'],
    ['call', '电话', 'Call'],
    ['meeting', '会商', 'Meeting'],
    ['report', '报告', 'Report'],
  ]),
  // what admins may add (src/schema/custom.ts): every type a built-in field has, bar secrets and JSON
  customFieldType: options([
    ['text', '文字', 'Text'],
    ['longtext', '长文本', 'Long text'],
    ['number', '数字', 'Number'],
    ['money', '金额', 'Money'],
    ['date', '日期', 'Date'],
    ['datetime', '日期时间', 'Date and time'],
    ['enum', '选项', 'Choice'],
    ['boolean', '是/否', 'Yes/no'],
    ['reference', '关联记录', 'Link to a record'],
    ['phone', '电话', 'Phone'],
    ['email', '邮箱', 'E-mail'],
  ]),
  menuGroup: options([
    ['events', '会议活动', 'Events'],
    ['people', '人员单位', 'People'],
    ['projects', '项目跟踪', 'Projects'],
    ['admin', '系统管理', 'Administration'],
  ]),
  readAccess: options([
    ['everyone', '所有角色', 'Every role'],
    ['staff', '会务组织和项目专员', 'Organisers and officials'],
    ['admins', '仅管理员', 'Admins only'],
  ]),
  writeAccess: options([
    ['staff', '会务组织和项目专员', 'Organisers and officials'],
    ['organisers', '会务组织', 'Organisers'],
    ['officials', '项目专员', 'Officials'],
    ['admins', '仅管理员', 'Admins only'],
  ]),
};
