import { f } from '../fields';
import type { ResourceDef } from '../types';

/** Staff accounts. Only admins see or change them; nobody ever sees a password hash. */
export const users: ResourceDef = {
  name: 'users',
  label: { zh: '用户', en: 'Users' },
  singular: { zh: '用户', en: 'User' },
  group: 'admin',
  titleField: 'displayName',
  sort: { field: 'username', order: 'ASC' },
  writers: [],
  readers: [],
  fields: [
    f.text('username', '用户名', 'Username', { required: true, maxLength: 40, unique: true }),
    f.text('displayName', '姓名', 'Name', { required: true, maxLength: 40 }),
    f.enum('role', '角色', 'Role', 'userRole', { required: true, default: 'viewer' }),
    f.boolean('disabled', '已停用', 'Disabled', { default: false }),
    f.password('password', '密码', 'Password'),
  ],
};
