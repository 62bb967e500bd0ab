import type { Workbook, Worksheet } from 'exceljs';
import { enums, getField, inInvitationGroup, resourceByName, type Lang } from '../../schema';
import { toLocalInput } from '../schema-ui/time';
import { byPinyin } from '../../schema/text/collate';

/** The ready-made sheets organisers print for a summit: who signs in, who is picked up where
 * and when, whose certificate is written how. Built from the summit's attendees. */
export type SheetKind = 'signIn' | 'pickUp' | 'certificates';

type Row = Record<string, unknown>;

interface Sheet {
  title: string;
  /** the sheet's name: what it is (签到表), short enough for Excel's 31 characters; the summit's
   * whole name is in the title row */
  name: string;
  headers: string[];
  /** a row of cells, or a group heading spanning the sheet */
  rows: (string[] | { heading: string })[];
  /** taller rows, for handwriting */
  rowHeight?: number;
  widths: number[];
}

const words = {
  signIn: { zh: '签到表', en: 'Sign-in sheet' },
  pickUp: { zh: '接站安排表', en: 'Pick-up schedule' },
  certificates: { zh: '荣誉证书名单', en: 'Certificate list' },
  no: { zh: '序号', en: 'No.' },
  signature: { zh: '签名', en: 'Signature' },
  yes: { zh: '是', en: 'Yes' },
  people: { zh: '人', en: 'guests' },
  noStation: { zh: '未填站点', en: 'No station given' },
} as const;

export function buildSheet(
  kind: SheetKind,
  summitName: string,
  attendees: Row[],
  orgNames: Map<unknown, string>,
  lang: Lang,
): Sheet {
  const w = (key: keyof typeof words) => words[key][lang];
  // a column of a field is headed by the field's own label
  const label = (source: string) => getField(resourceByName.attendees, source)!.label[lang];
  const org = (a: Row) => orgNames.get(a.organizationId) ?? '';
  const byName = (a: Row, b: Row) => byPinyin(String(a.name), String(b.name));
  const title = `${summitName} ${w(kind)}`;
  const name = w(kind);
  if (kind === 'signIn') {
    const expected = attendees.filter((a) => inInvitationGroup('expected', a.invitation)).sort(byName);
    return {
      title,
      name,
      headers: [w('no'), label('name'), label('organizationId'), label('title'), w('signature')],
      rows: expected.map((a, i) => [String(i + 1), String(a.name), org(a), String(a.title ?? ''), '']),
      rowHeight: 30,
      widths: [6, 12, 30, 20, 22],
    };
  }
  if (kind === 'certificates') {
    // for the calligrapher and the printer: the name exactly as it must be written, the
    // honour, and whose name is written by hand
    const listed = attendees.filter((a) => a.certificate === true).sort(byName);
    return {
      title,
      name,
      headers: [
        w('no'),
        label('certificateName'),
        label('honour'),
        label('title'),
        label('organizationId'),
        label('handwritten'),
        label('note'),
      ],
      rows: listed.map((a, i) => [
        String(i + 1),
        String(a.certificateName ?? a.name),
        String(a.honour ?? ''),
        String(a.title ?? ''),
        org(a),
        a.handwritten === true ? w('yes') : '',
        String(a.note ?? ''),
      ]),
      widths: [6, 12, 22, 30, 40],
    };
  }
  // pick-up: arrivals grouped by day and station, each group in time order
  const arriving = attendees.filter((a) => a.arrivalAt).map((a) => ({ a, local: toLocalInput(a.arrivalAt) }));
  arriving.sort((x, y) => x.local.localeCompare(y.local));
  const groups = new Map<string, typeof arriving>();
  for (const item of arriving) {
    const key = `${item.local.slice(0, 10)}\u0000${item.a.arrivalStation ?? w('noStation')}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const rows: Sheet['rows'] = [];
  for (const [key, items] of [...groups].sort(([x], [y]) => x.localeCompare(y))) {
    const [day, station] = key.split('\u0000');
    rows.push({ heading: `${day} · ${station} · ${items.length} ${w('people')}` });
    for (const { a, local } of items) {
      const mode = enums.arrivalMode.find((o) => o.id === a.arrivalMode)?.label[lang] ?? '';
      rows.push([
        local.slice(11),
        String(a.name),
        org(a),
        mode,
        String(a.arrivalNumber ?? ''),
        String(a.phone ?? ''),
        String(a.pickupBy ?? ''),
      ]);
    }
  }
  return {
    title,
    name,
    headers: [
      label('arrivalAt'),
      label('name'),
      label('organizationId'),
      label('arrivalMode'),
      label('arrivalNumber'),
      label('phone'),
      label('pickupBy'),
    ],
    rows,
    widths: [10, 12, 28, 10, 12, 15, 12],
  };
}

/** The sheet as a printable workbook: A4, fitted to the page width, title and header repeated. */
export async function sheetToXlsx(ExcelJS: { Workbook: new () => Workbook }, sheet: Sheet): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  const ws: Worksheet = workbook.addWorksheet(sheet.name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
    },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const last = sheet.headers.length;
  ws.addRow([sheet.title]);
  ws.mergeCells(1, 1, 1, last);
  ws.getRow(1).font = { bold: true, size: 16 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow(sheet.headers).font = { bold: true };
  const border = { style: 'thin' as const };
  for (const entry of sheet.rows) {
    if (!Array.isArray(entry)) {
      const row = ws.addRow([entry.heading]);
      ws.mergeCells(row.number, 1, row.number, last);
      row.font = { bold: true };
      continue;
    }
    const row = ws.addRow(entry);
    if (sheet.rowHeight) row.height = sheet.rowHeight;
  }
  for (let r = 2; r <= ws.rowCount; r++) {
    for (let c = 1; c <= last; c++)
      ws.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  }
  sheet.widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
