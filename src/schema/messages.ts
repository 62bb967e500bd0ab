import type { Label, Lang } from './types';

/** Validation reasons, in both languages, shared by the server's 400 answers and the forms. */
export type Reason =
  | { code: 'required' }
  | { code: 'unknownField' }
  | { code: 'notText' }
  | { code: 'tooLong'; max: number }
  | { code: 'notNumber' }
  | { code: 'notInteger' }
  | { code: 'tooShort'; min: number }
  | { code: 'notObject' }
  | { code: 'tooDeep'; depth: number }
  | { code: 'notSingleValue' }
  | { code: 'taken' }
  | { code: 'unknownName'; name: string; what?: Label }
  | { code: 'ambiguousName'; name: string; what?: Label }
  | { code: 'pastePastPage' }
  | { code: 'badCharacters' }
  | { code: 'directionMark'; char: string }
  | { code: 'halfCharacter' }
  | { code: 'sameAs'; other: Label }
  | { code: 'tooSmall'; min: number }
  | { code: 'tooBig'; max: number }
  | { code: 'notDate' }
  | { code: 'notDateTime' }
  | { code: 'noTime' }
  | { code: 'noDate' }
  | { code: 'notBoolean' }
  | { code: 'badOption'; options: string; /** the same in English, where they differ */ optionsEn?: string }
  | { code: 'notReference' }
  | { code: 'missingReference'; id: string }
  | { code: 'badPhone' }
  | { code: 'badEmail' }
  | { code: 'beforeField'; other: Label }
  | { code: 'duplicateInFile'; line: number }
  | { code: 'ambiguousMatch'; count: number }
  | { code: 'changedSince' }
  | { code: 'immutable' }
  | { code: 'future' }
  | { code: 'historyMoves'; latest: string }
  | { code: 'historyBreaks'; on: string; from: Label; to: Label }
  | { code: 'setBy'; via: Label }
  | { code: 'badMove'; from: Label; to: Label; allowed: Label[] }
  | { code: 'badKey' }
  | { code: 'reservedName' }
  | { code: 'unknownResource' }
  | { code: 'noOptions' }
  | { code: 'repeatedOption'; option: string }
  | { code: 'valuesBlock'; count: number; examples: string }
  | { code: 'unknownPlaceholder'; name: string; known: string; knownEn: string }
  | { code: 'otherSummit' }
  | { code: 'leaveTwice' }
  | { code: 'hasCheckins'; count: number };

type Templates = { [C in Reason['code']]: (r: Extract<Reason, { code: C }>) => string };

const zh: Templates = {
  required: () => '必填',
  unknownField: () => '没有这个字段',
  notText: () => '应为文字',
  tooLong: (r) => `不能超过 ${r.max} 个字`,
  notNumber: () => '应为数字',
  notInteger: () => '应为整数',
  tooShort: (r) => `至少 ${r.min} 个字符`,
  notObject: () => '应为一个对象',
  tooDeep: ({ depth }) => `嵌套过深（最多 ${depth} 层）`,
  notSingleValue: () => '应为单个值，不能是列表或对象',
  taken: () => '已被使用',
  unknownName: (r) => `找不到名为“${r.name}”的${r.what?.zh ?? '记录'}`,
  ambiguousName: (r) => `有多个${r.what?.zh ?? '记录'}都叫“${r.name}”，请用编号（如 #12）`,
  pastePastPage: () => '超出本页末尾：下一页还有记录，请翻到最后一页再粘贴新行',
  badCharacters: () => '含有不能保存的字符（如换行或控制字符）',
  directionMark: (r) => `含有不能保存的字符：隐藏的方向控制符 ${r.char}，会让文字倒着显示。请删除后再保存`,
  halfCharacter: () => '含有不能保存的字符：半个字符（复制时被截断）。请重新输入这个字',
  sameAs: (r) => `不能与“${r.other.zh}”相同`,
  tooSmall: (r) => `不能小于 ${r.min}`,
  tooBig: (r) => `不能大于 ${r.max}`,
  notDate: () => '日期格式应为 2026-05-25',
  notDateTime: () => '时间格式应为 2026-05-25 14:30',
  noTime: () => '缺少时刻：请写成 2026-05-25 14:30，或在另一列写明时刻',
  noDate: () => '只有时刻，缺少日期：请写成 2026-05-25 14:30，或在另一列写明日期',
  notBoolean: () => '应为“是”或“否”',
  badOption: (r) => `只能是：${r.options}`,
  notReference: () => '应为记录编号',
  missingReference: (r) => `编号为 ${r.id} 的记录不存在`,
  badPhone: () => '电话号码格式不对，例如 13812345678 或 0571-88886666',
  badEmail: () => '邮箱格式不对，例如 name@example.cn',
  beforeField: (r) => `不能早于“${r.other.zh}”`,
  duplicateInFile: (r) => `与文件第 ${r.line} 行是同一条记录（匹配依据相同），只导入一次`,
  ambiguousMatch: (r) => `已有 ${r.count} 条记录都符合匹配依据，无法确定更新哪一条`,
  changedSince: () => '这一行在您粘贴前已被别人修改：请查看后再粘贴',
  immutable: () => '创建后不能修改',
  future: () => '不能晚于今天',
  historyMoves: (r) =>
    `早于最近一次跟进（${r.latest}），作为补记不能改变状态：请清空此项，或把日期改为 ${r.latest} 或之后`,
  historyBreaks: (r) =>
    `这样之后，${r.on} 的跟进会把状态从“${r.from.zh}”改为“${r.to.zh}”，这是不允许的：请先删除或改正之后的跟进记录`,
  setBy: (r) => `不能直接修改，请新增一条“${r.via.zh}”`,
  badMove: (r) =>
    r.allowed.length === 0
      ? `“${r.from.zh}”是最终状态，不能再改为“${r.to.zh}”`
      : `不能从“${r.from.zh}”改为“${r.to.zh}”，只能改为：${r.allowed.map((l) => l.zh).join('、')}`,
  badKey: () => '应以英文字母开头，只含字母和数字，2 到 40 个字符（如 dietaryNeeds）',
  reservedName: () => '与系统已有的名称重复，请换一个',
  unknownResource: () => '没有这个列表，或该列表不能添加字段',
  noOptions: () => '请填写选项，每行一个',
  repeatedOption: (r) => `选项“${r.option}”重复`,
  valuesBlock: (r) => `有 ${r.count} 条记录的现有值无法转换，未作修改：${r.examples}`,
  unknownPlaceholder: (r) => `没有可填入的“{${r.name}}”；可用：${r.known}`,
  otherSummit: () => '不是该场次所属峰会的嘉宾',
  leaveTwice: () => '该嘉宾在本场次已有请假记录',
  hasCheckins: (r) => `本场次已有 ${r.count} 人签到，不能改到别的峰会`,
};

const en: Templates = {
  required: () => 'Required',
  unknownField: () => 'No such field',
  notText: () => 'Must be text',
  tooLong: (r) => `At most ${r.max} characters`,
  notNumber: () => 'Must be a number',
  notInteger: () => 'Must be a whole number',
  tooShort: (r) => `At least ${r.min} characters`,
  notObject: () => 'Must be an object',
  tooDeep: ({ depth }) => `Nests too deep (at most ${depth} levels)`,
  notSingleValue: () => 'Must be a single value, not a list or an object',
  taken: () => 'Already taken',
  unknownName: (r) => `No ${r.what?.en.toLowerCase() ?? 'record'} is named “${r.name}”`,
  ambiguousName: (r) =>
    `Several ${r.what ? `${r.what.en.toLowerCase()}s` : 'records'} are named “${r.name}”: use the id (#12)`,
  pastePastPage: () => 'Past the end of this page, where the next page continues: paste new rows on the last page',
  badCharacters: () => 'Contains characters that cannot be stored (line breaks or control characters)',
  directionMark: (r) =>
    `Contains a character that cannot be stored: the hidden direction control ${r.char}, which makes text show reversed. Delete it`,
  halfCharacter: () =>
    'Contains a character that cannot be stored: half of a character (cut in two when copied). Type that character again',
  sameAs: (r) => `Cannot be the same as “${r.other.en}”`,
  tooSmall: (r) => `Must be at least ${r.min}`,
  tooBig: (r) => `Must be at most ${r.max}`,
  notDate: () => 'Use a date like 2026-05-25',
  notDateTime: () => 'Use a time like 2026-05-25 14:30',
  noTime: () => 'The time of day is missing: write 2026-05-25 14:30, or add a column with the time',
  noDate: () => 'Only a time of day, no date: write 2026-05-25 14:30, or add a column with the date',
  notBoolean: () => 'Must be yes or no',
  badOption: (r) => `Must be one of: ${r.optionsEn ?? r.options}`,
  notReference: () => 'Must be a record id',
  missingReference: (r) => `No record with id ${r.id}`,
  badPhone: () => 'Not a phone number, e.g. 13812345678 or 0571-88886666',
  badEmail: () => 'Not an e-mail address, e.g. name@example.cn',
  beforeField: (r) => `Cannot be before “${r.other.en}”`,
  duplicateInFile: (r) => `Same record as line ${r.line} of the file (same match key); imported once`,
  ambiguousMatch: (r) => `${r.count} existing records share this match key: cannot tell which to update`,
  changedSince: () => 'Someone changed this row before your paste: look at it, then paste again',
  immutable: () => 'Cannot be changed once created',
  future: () => 'Cannot be after today',
  historyMoves: (r) =>
    `Dated before the latest follow-up (${r.latest}): a late entry cannot move the status. Clear this, or date it ${r.latest} or later`,
  historyBreaks: (r) =>
    `After this, the follow-up of ${r.on} would move the status from “${r.from.en}” to “${r.to.en}”, which is not allowed: delete or correct the later follow-ups first`,
  setBy: (r) => `Not changed directly: add a ${r.via.en.toLowerCase()}`,
  badMove: (r) =>
    r.allowed.length === 0
      ? `“${r.from.en}” is final: it cannot become “${r.to.en}”`
      : `Cannot move from “${r.from.en}” to “${r.to.en}”; it can become: ${r.allowed.map((l) => l.en).join(', ')}`,
  badKey: () => 'Start with a letter; letters and digits only, 2 to 40 of them (e.g. dietaryNeeds)',
  reservedName: () => 'Already used by the system: choose another',
  unknownResource: () => 'No such list, or it cannot take fields',
  noOptions: () => 'List the choices, one per line',
  repeatedOption: (r) => `“${r.option}” is listed twice`,
  valuesBlock: (r) => `${r.count} records hold values that do not convert; nothing was changed: ${r.examples}`,
  unknownPlaceholder: (r) => `Nothing fills “{${r.name}}”; these do: ${r.knownEn}`,
  otherSummit: () => 'Not a guest of this session’s summit',
  leaveTwice: () => 'This guest already has a leave for this session',
  hasCheckins: (r) => `${r.count} guests have checked in at this session: it cannot move to another summit`,
};

export const reasonText = (reason: Reason, lang: Lang): string =>
  // The cast is safe: each template is keyed by the code it receives.
  (lang === 'zh' ? zh : en)[reason.code](reason as never);
