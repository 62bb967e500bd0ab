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
  // an organisation first met by name in a guest list or a cell: its kind read from its name
  fromName: {
    kind: {
      rules: [
        // before universities: 中国科学院 holds 学院, 浙江大学宁波研究院 is an institute
        ['institute', ['研究院', '研究所', '研究中心', '科学院', '实验室', 'institute']],
        ['university', ['大学', '学院', '学校', 'university', 'college']],
        ['government', ['人民政府', '政府', '委员会', '管委会', '办公室', '局', '厅', '委']],
        ['association', ['学会', '协会', '联合会', '促进会', '商会', 'society', 'association']],
        ['media', ['日报', '晚报', '报社', '电视台', '广播', '传媒', '新闻', 'media']],
        ['enterprise', ['公司', '集团', '厂', '企业', 'company', 'co.', 'ltd', 'inc']],
      ],
      otherwise: 'other',
    },
  },
  fields: [
    f.text('name', '单位名称', 'Name', {
      required: true,
      maxLength: 100,
      aliases: ['单位', '名称', '机构名称', 'organization', 'company'],
    }),
    f.enum('kind', '类型', 'Kind', 'organizationKind', { required: true, aliases: ['单位类型', '性质'] }),
    f.enum('industry', '行业', 'Industry', 'industry', { aliases: ['所属行业', '领域'] }),
    f.text('city', '所在地', 'City', { maxLength: 40, aliases: ['城市', '地区'] }),
    f.text('contact', '联系人', 'Contact', { maxLength: 40, personName: true, aliases: ['联系人姓名'] }),
    f.phone('phone', '联系电话', 'Phone', { personal: true, aliases: ['电话', '手机', 'tel'] }),
    f.email('email', '邮箱', 'Email', { list: false, personal: true }),
    f.text('address', '地址', 'Address', { maxLength: 200, list: false }),
    f.longtext('note', '备注', 'Note'),
  ],
};
