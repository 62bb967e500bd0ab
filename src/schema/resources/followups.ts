import { f } from '../fields';
import type { ResourceDef } from '../types';

export const followups: ResourceDef = {
  name: 'followups',
  label: { zh: '跟进记录', en: 'Follow-ups' },
  singular: { zh: '跟进记录', en: 'Follow-up' },
  group: 'projects',
  titleField: 'on',
  sort: { field: 'on', order: 'DESC' },
  writers: ['official'],
  // a follow-up moves its agreement: the status and the next follow-up day, in the same step
  // while the agreement is still open the next follow-up day is required; once it is completed
  // or terminated there is none
  setsParent: {
    reference: 'agreementId',
    fields: { status: 'statusAfter', nextFollowUpOn: 'nextOn' },
    inherit: ['officer'],
  },
  fields: [
    f.ref('agreementId', '签约项目', 'Agreement', 'agreements', { required: true, immutable: true }),
    f.date('on', '跟进日期', 'Date', { required: true, filter: true, notFuture: true, immutable: true }),
    f.text('officer', '跟进人', 'Officer', { required: true, maxLength: 40, filter: true, personName: true }),
    f.enum('kind', '方式', 'Kind', 'followupKind', { required: true, default: 'visit' }),
    f.longtext('note', '情况说明', 'Note', { required: true, list: true, maxLength: 2000 }),
    f.enum('statusAfter', '跟进后状态', 'Status after', 'agreementStatus', { immutable: true }),
    f.text('nextStep', '下一步', 'Next step', { maxLength: 200 }),
    f.date('nextOn', '下次跟进', 'Next follow-up', { notBefore: 'on', immutable: true }),
  ],
};
