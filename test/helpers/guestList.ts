/**
 * A province's guest list as the import dialog sends it (POST /api/attendees/import): every
 * column a full list has filled in, Chinese text, so its size is what a real 50,000-row file
 * sends. New names for half the organisations, the rest known (测试单位00001… of benchData).
 */
export function guestListBody(rows: number, summitId: number, options: { phoneFrom?: number; orgs?: number } = {}) {
  const { phoneFrom = 13_000_000_000, orgs = 2_000 } = options;
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然欣怡子轩梓涵一诺思远嘉琪晨曦';
  const titles = ['教授、博士生导师', '高级工程师', '副总经理', '研究员', '处长', '首席科学家', '主任医师'];
  const roles = ['专家', '企业家', '领导', '嘉宾', '媒体'];
  const invitations = ['已邀请', '已确认', '待邀请'];
  const stations = ['青岚站', '青岚东站', '青岚机场 T2 航站楼'];
  const hotels = ['青岚国际会议中心酒店', '青岚宾馆 3 号楼', '东湖假日酒店'];
  const notes = ['需要安排接站，携带随行人员一名', '会后参加企业参观', '', '发言嘉宾，需提前半小时到场'];
  return {
    columns: [
      'name',
      'organizationId',
      'title',
      'role',
      'phone',
      'email',
      'invitation',
      'arrivalAt:date',
      'arrivalAt:time',
      'arrivalNumber',
      'arrivalStation',
      'hotel',
      'room',
      'diet',
      'note',
    ],
    key: ['summitId', 'phone'],
    fixed: { summitId },
    rows: Array.from({ length: rows }, (_, i) => {
      const org = i % orgs;
      return [
        `${surnames[i % surnames.length]}${given[(i * 7) % given.length]}${i % 3 ? given[(i * 13) % given.length] : ''}`,
        org % 2 ? `测试单位${String(org + 1).padStart(5, '0')}` : `新建研究院${String(org).padStart(5, '0')}`,
        titles[i % titles.length],
        roles[i % roles.length],
        String(phoneFrom + i),
        `guest${i}@example.cn`,
        invitations[i % invitations.length],
        `2026-12-0${(i % 3) + 3}`,
        `${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 5) % 60).padStart(2, '0')}`,
        `G${1000 + (i % 8000)}`,
        stations[i % stations.length],
        hotels[i % hotels.length],
        String(1000 + (i % 900)),
        i % 10 ? '' : '清真',
        notes[i % notes.length],
      ];
    }),
    lines: Array.from({ length: rows }, (_, i) => i + 2),
  };
}
