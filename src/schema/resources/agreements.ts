import { f } from '../fields';
import type { ResourceDef } from '../types';

export const agreements: ResourceDef = {
  name: 'agreements',
  label: { zh: '签约项目', en: 'Agreements' },
  singular: { zh: '签约项目', en: 'Agreement' },
  group: 'projects',
  titleField: 'title',
  sort: { field: 'signedOn', order: 'DESC' },
  writers: ['official'],
  fields: [
    f.text('title', '项目名称', 'Title', { required: true, maxLength: 200 }),
    f.ref('enterpriseId', '签约企业', 'Enterprise', 'organizations', { required: true }),
    f.ref('partnerId', '合作院校/院所', 'Partner', 'organizations', { required: true, notSameAs: 'enterpriseId' }),
    f.ref('ceremonyId', '签约仪式', 'Ceremony', 'ceremonies', { list: false }),
    f.date('signedOn', '签约日期', 'Signed on', { required: true, filter: true }),
    f.enum('kind', '合作方式', 'Kind', 'agreementKind', { required: true }),
    f.enum('industry', '产业领域', 'Industry', 'industry'),
    f.money('amount', '金额(元)', 'Amount (CNY)', { max: 1e12, filter: true }),
    f.enum('status', '状态', 'Status', 'agreementStatus', { required: true, default: 'signed' }),
    f.text('officer', '帮办专员', 'Officer', { required: true, maxLength: 40, filter: true }),
    f.date('nextFollowUpOn', '下次跟进', 'Next follow-up', { filter: true }),
    f.longtext('note', '备注', 'Note'),
  ],
};
