import { f } from '../fields';
import type { ResourceDef } from '../types';

export const organizations: ResourceDef = {
  name: 'organizations',
  label: { zh: '单位', en: 'Organizations' },
  singular: { zh: '单位', en: 'Organization' },
  group: 'people',
  titleField: 'name',
  sort: { field: 'name', order: 'ASC' },
  writers: ['organiser', 'official'],
  importKeys: [['name']],
  fields: [
    f.text('name', '单位名称', 'Name', {
      required: true,
      maxLength: 100,
      aliases: ['单位', '名称', '机构名称', 'organization', 'company'],
    }),
    f.enum('kind', '类型', 'Kind', 'organizationKind', { required: true, aliases: ['单位类型', '性质'] }),
    f.enum('industry', '行业', 'Industry', 'industry', { aliases: ['所属行业', '领域'] }),
    f.text('city', '所在地', 'City', { maxLength: 40, aliases: ['城市', '地区'] }),
    f.text('contact', '联系人', 'Contact', { maxLength: 40, aliases: ['联系人姓名'] }),
    f.phone('phone', '联系电话', 'Phone', { personal: true, aliases: ['电话', '手机', 'tel'] }),
    f.email('email', '邮箱', 'Email', { list: false, personal: true }),
    f.text('address', '地址', 'Address', { maxLength: 200, list: false }),
    f.longtext('note', '备注', 'Note'),
  ],
};
