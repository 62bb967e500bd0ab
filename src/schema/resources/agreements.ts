import { f } from '../fields';
import type { ResourceDef } from '../types';

/** Where an agreement may go from each status: forward towards completion, aside to stalled
 * or terminated, back from stalled. Completed and terminated are final. */
export const AGREEMENT_MOVES: Record<string, string[]> = {
  signed: ['inProgress', 'landed', 'stalled', 'terminated'],
  inProgress: ['landed', 'stalled', 'terminated'],
  landed: ['completed', 'stalled', 'terminated'],
  stalled: ['inProgress', 'landed', 'terminated'],
  completed: [],
  terminated: [],
};

/** Still being followed: not completed, not terminated. */
export const OPEN_STATUSES = Object.keys(AGREEMENT_MOVES).filter((status) => AGREEMENT_MOVES[status].length > 0);

export const agreements: ResourceDef = {
  name: 'agreements',
  label: { zh: '签约项目', en: 'Agreements' },
  singular: { zh: '签约项目', en: 'Agreement' },
  group: 'projects',
  titleField: 'title',
  sort: { field: 'signedOn', order: 'DESC' },
  writers: ['official'],
  importKeys: [['title']],
  namedFilters: {
    // its next follow-up day has passed and it is still being followed
    overdue: {
      label: { zh: '跟进逾期', en: 'Overdue' },
      where: { status: OPEN_STATUSES, nextFollowUpOn_lte: '$yesterday' },
      highlight: true,
    },
    // the agreements the user follows: their display name is the officer's
    mine: { label: { zh: '我负责的', en: 'My projects' }, where: { officer: '$me' } },
  },
  fields: [
    f.text('title', '项目名称', 'Title', {
      required: true,
      maxLength: 200,
      aliases: ['项目', '项目名', '协议名称', 'project'],
    }),
    f.ref('enterpriseId', '签约企业', 'Enterprise', 'organizations', {
      required: true,
      aliases: ['企业', '企业名称', '甲方', 'company'],
    }),
    f.ref('partnerId', '合作院校/院所', 'Partner', 'organizations', {
      required: true,
      notSameAs: 'enterpriseId',
      aliases: ['合作单位', '院校', '院所', '乙方'],
    }),
    f.ref('ceremonyId', '签约仪式', 'Ceremony', 'ceremonies', { list: false }),
    f.date('signedOn', '签约日期', 'Signed on', { required: true, filter: true, aliases: ['签约时间', '签订日期'] }),
    f.enum('kind', '合作方式', 'Kind', 'agreementKind', { required: true, aliases: ['合作类型', '类型'] }),
    f.enum('industry', '产业领域', 'Industry', 'industry', { aliases: ['领域', '行业'] }),
    f.money('amount', '金额', 'Amount', {
      max: 1e12,
      filter: true,
      aliases: ['合同金额', '投资额', 'amount'],
    }),
    f.enum('status', '状态', 'Status', 'agreementStatus', {
      required: true,
      default: 'signed',
      transitions: AGREEMENT_MOVES,
      setBy: 'followups',
    }),
    f.text('officer', '帮办专员', 'Officer', {
      required: true,
      maxLength: 40,
      filter: true,
      personName: true,
      aliases: ['专员', '负责人', '责任人'],
    }),
    f.date('nextFollowUpOn', '下次跟进', 'Next follow-up', { filter: true }),
    f.longtext('note', '备注', 'Note'),
  ],
};
