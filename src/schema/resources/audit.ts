import { f } from '../fields';
import type { ResourceDef } from '../types';

/** The append-only trail of every write: who, when, which record, fields before and after.
 * Written by the server alone; admins read it. */
export const audit: ResourceDef = {
  name: 'audit',
  label: { zh: '操作记录', en: 'Audit trail' },
  singular: { zh: '操作记录', en: 'Audit entry' },
  group: 'admin',
  titleField: 'at',
  sort: { field: 'at', order: 'DESC' },
  writers: [],
  readers: [],
  readOnly: true,
  appendOnly: true,
  fields: [
    f.datetime('at', '时间', 'When', { required: true, filter: true }),
    f.ref('userId', '用户', 'User', 'users'),
    f.text('username', '用户名', 'Username', { maxLength: 40, list: false }),
    f.enum('action', '操作', 'Action', 'auditAction', { required: true }),
    f.enum('resource', '对象类型', 'Resource', 'resourceName', { required: true }),
    f.text('recordId', '记录编号', 'Record', { required: true, maxLength: 40, filter: 'exact' }),
    f.number('version', '版本', 'Version', { integer: true, min: 1 }),
    f.json('before', '修改前', 'Before'),
    f.json('after', '修改后', 'After'),
  ],
};
