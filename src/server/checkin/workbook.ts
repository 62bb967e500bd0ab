import type { Response } from 'express';
import { enums, type Lang } from '../../schema';
import { clockText, timeText } from '../../schema/checkinWindow';
import { XLSX_TYPE } from '../../schema/spreadsheet/xlsx';
import type { Counts, SessionAttendance, Standing } from './attendance';

const STANDING: Record<Standing, { zh: string; en: string }> = {
  onTime: { zh: '准时', en: 'On time' },
  late: { zh: '迟到', en: 'Late' },
  substitute: { zh: '代会', en: 'Substitute' },
  leave: { zh: '请假', en: 'Leave' },
  absent: { zh: '缺席', en: 'Absent' },
};

const rate = (value: number | null) => (value == null ? '—' : `${(value * 100).toFixed(1)}%`);

/** the counts as one row, in the order offices report them */
export const countCells = (c: Counts) => [
  c.expected,
  c.present,
  c.late,
  c.leave,
  c.substitute,
  c.absent,
  rate(c.attendanceRate),
  rate(c.punctualityRate),
];

/**
 * The attendance of one session as offices file it: a title, the date and place, the counts
 * (应到 实到 迟到 请假 代会 缺席 出席率 准时率), the same by role, the list of people by how
 * they stood, and a line for the signatures.
 */
export async function attendanceWorkbook(res: Response, a: SessionAttendance, lang: Lang, now: number) {
  const { default: ExcelJS } = await import('exceljs');
  const zh = lang === 'zh';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(zh ? '出席情况' : 'Attendance');
  const title = `${String(a.session.title)}${zh ? ' 出席情况统计表' : ': attendance'}`;
  sheet.mergeCells('A1:H1');
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 16 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.mergeCells('A2:H2');
  sheet.getCell('A2').value =
    `${zh ? '时间' : 'When'}：${clockText(Date.parse(String(a.session.startsAt)), lang)}　${zh ? '地点' : 'Where'}：${String(a.session.venue ?? '')}`;
  const head = zh
    ? ['应到', '实到', '迟到', '请假', '代会', '缺席', '出席率', '准时率']
    : ['Expected', 'Present', 'Late', 'Leave', 'Substitute', 'Absent', 'Attendance', 'On time'];
  sheet.addRow([]);
  sheet.addRow(head).font = { bold: true };
  sheet.addRow(countCells(a.counts));
  sheet.addRow([]);
  sheet.addRow([zh ? '按身份' : 'By role', ...head]).font = { bold: true };
  for (const group of a.byRole)
    sheet.addRow([
      enums.attendeeRole.find((o) => o.id === group.role)?.label[lang] ?? String(group.role),
      ...countCells(group),
    ]);
  sheet.addRow([]);
  sheet.addRow([zh ? '按单位' : 'By organization', ...head]).font = { bold: true };
  for (const group of a.byOrganization)
    sheet.addRow([group.organization || (zh ? '（未填单位）' : '(none)'), ...countCells(group)]);
  sheet.addRow([]);
  sheet.addRow(
    zh
      ? ['序号', '姓名', '单位', '身份', '情况', '签到时间', '签到台', '代会人 / 请假事由']
      : ['No.', 'Name', 'Organization', 'Role', 'Standing', 'Time', 'Desk', 'Substitute / reason'],
  ).font = { bold: true };
  const order: Standing[] = ['onTime', 'late', 'substitute', 'leave', 'absent'];
  const people = [...a.people].sort((x, y) => order.indexOf(x.standing) - order.indexOf(y.standing));
  people.forEach((p, i) =>
    sheet.addRow([
      i + 1,
      p.name,
      p.organization,
      enums.attendeeRole.find((o) => o.id === p.role)?.label[lang] ?? '',
      STANDING[p.standing][lang],
      p.at ? timeText(Date.parse(p.at)) : '',
      p.desk ?? '',
      p.substitute ?? p.reason ?? '',
    ]),
  );
  sheet.addRow([]);
  sheet.addRow([
    zh
      ? `制表人：__________　审核人：__________　日期：${clockText(now, lang).split(' ')[0]}`
      : `Prepared by: __________   Checked by: __________   Date: ${clockText(now, lang).split(' ')[0]}`,
  ]);
  sheet.columns.forEach((column, i) => (column.width = [8, 12, 28, 10, 10, 10, 10, 24][i] ?? 12));
  res.setHeader('Content-Type', XLSX_TYPE);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`);
  await workbook.xlsx.write(res);
  res.end();
}
