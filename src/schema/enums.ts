import type { EnumOption } from './types';

/** Every enumeration, declared once: server validation, selects, filters, import and export
 * all read these. The order is the order users see. */
const options = (list: [id: string, zh: string, en: string][]): EnumOption[] =>
  list.map(([id, zh, en]) => ({ id, label: { zh, en } }));

export const enums: Record<string, EnumOption[]> = {
  organizationKind: options([
    ['enterprise', '企业', 'Enterprise'],
    ['university', '高校', 'University'],
    ['institute', '科研院所', 'Research institute'],
    ['government', '政府部门', 'Government body'],
    ['association', '学会协会', 'Association'],
    ['media', '媒体', 'Media'],
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
    ['academician', '院士', 'Academician'],
    ['expert', '专家', 'Expert'],
    ['entrepreneur', '企业家', 'Entrepreneur'],
    ['official', '领导', 'Official'],
    ['media', '媒体', 'Media'],
    ['staff', '工作人员', 'Staff'],
    ['guest', '嘉宾', 'Guest'],
  ]),
  invitationStatus: options([
    ['toInvite', '待邀请', 'To invite'],
    ['invited', '已邀请', 'Invited'],
    ['confirmed', '已确认', 'Confirmed'],
    ['declined', '已婉拒', 'Declined'],
    ['checkedIn', '已签到', 'Checked in'],
    ['absent', '缺席', 'Absent'],
  ]),
  arrivalMode: options([
    ['train', '高铁/火车', 'Train'],
    ['flight', '航班', 'Flight'],
    ['car', '自驾/专车', 'Car'],
    ['other', '其他', 'Other'],
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
  followupKind: options([
    ['visit', '走访', 'Visit'],
    ['call', '电话', 'Call'],
    ['meeting', '会商', 'Meeting'],
    ['report', '报告', 'Report'],
  ]),
};
