import type { en } from './en';

/** The app's own words, in Chinese; typed against the English so no key is missed. */
export const zh: typeof en = {
  huiwu: {
    title: '会务',
    menu: { events: '会议活动', people: '人员单位', projects: '项目跟踪', admin: '系统管理' },
    filter: { from: '%{field} 起', to: '%{field} 止', contains: '%{field} 包含' },
    common: { details: '基本信息' },
    delete: {
      cascade: '连同关联记录删除',
      cascadeTitle: '删除“%{name}”及其关联记录？',
      cascadeContent:
        '必须依附于它的记录（如该峰会的参会人员、该项目的跟进记录）将一并删除；其他提到它的记录会保留并解除关联。此操作无法撤销。',
      done: '已删除',
    },
    history: { tab: '修改历史', none: '暂无修改记录', system: '系统' },
    conflict: {
      title: '在您编辑期间，别人修改了同一内容',
      theirs: '现已保存',
      mine: '您的修改',
      keepTheirs: '保留对方的',
      applyMine: '用我的覆盖',
    },
    password: {
      hint: '至少 8 位；编辑时留空则保持原密码不变',
      title: '修改密码',
      current: '当前密码',
      new: '新密码（至少 8 位）',
      confirm: '再次输入新密码',
      save: '修改密码',
      mismatch: '两次输入的新密码不一致',
      changed: '密码已修改，您在其他设备上的登录已退出',
    },
    summit: {
      guests: '嘉宾名单',
      programme: '议程',
      ceremonies: '签约仪式',
      addGuest: '添加嘉宾',
    },
    agreement: { followups: '跟进记录', addFollowup: '添加跟进' },
    ceremony: { agreements: '签约项目' },
    series: { lectures: '各期讲座' },
    organization: { asEnterprise: '作为签约企业的项目', asPartner: '作为合作方的项目' },
    dashboard: {
      welcome: '会务：峰会论坛、讲堂、签约仪式与签约项目跟踪',
      upcomingSummits: '即将举行的峰会',
      upcomingLectures: '未来 30 天的讲座',
      attendees: '下一场峰会的嘉宾',
      confirmedOfInvited: '已确认 %{confirmed} 人 / 已邀请 %{invited} 人',
      agreementsThisYear: '%{year} 年签约项目',
      amount: '签约总金额',
      landedShare: '已落地或完成',
      overdue: '逾期未跟进',
      byStatus: '各状态项目数',
      none: '暂无安排',
      seeAll: '查看全部',
    },
  },
};
