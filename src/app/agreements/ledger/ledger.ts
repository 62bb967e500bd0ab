import type { Workbook } from 'exceljs';
import { beijingDay, enums, getField, namedFilterTest, resourceByName, type Lang } from '../../../schema';
import { inUnit, type MoneyUnit } from '../../../schema/money';
import { headerOf } from '../../../schema/spreadsheet/table';
import { MONEY_FORMAT } from '../../../schema/spreadsheet/xlsx';

/**
 * The agreements ledger (工作台账) officials report upward: one row per agreement signed in a
 * period, with its parties, amount, status, officer, last and next follow-up; and a summary
 * of totals by status and by industry, the largest industry first. Amounts in the user's unit
 * (元 or 万元), as the header says. Built from rows the API gave, so it is what the user may see.
 */

type Row = Record<string, unknown>;

export interface LedgerRange {
  from: string;
  to: string;
}

export interface Ledger {
  title: string;
  headers: string[];
  /** text, numbers, and days as YYYY-MM-DD (written as real dates) */
  rows: (string | number | null)[][];
  /** which columns hold days, and which money */
  dayColumns: number[];
  moneyColumn: number;
  /** the unit of every amount in it */
  unit: MoneyUnit;
  summary: { heading: string; lines: { label: string; count: number; amount: number }[] }[];
  total: { count: number; amount: number };
}

const words = {
  title: { zh: '签约项目工作台账', en: 'Agreements ledger' },
  asOf: { zh: '截至', en: 'as of' },
  no: { zh: '序号', en: 'No.' },
  lastFollowUp: { zh: '最近跟进', en: 'Last follow-up' },
  overdue: { zh: '跟进逾期', en: 'Overdue' },
  yes: { zh: '是', en: 'Yes' },
  by: { zh: '按', en: 'By ' },
  count: { zh: '项目数', en: 'Agreements' },
  total: { zh: '合计', en: 'Total' },
  none: { zh: '未填', en: 'Not given' },
  summary: { zh: '汇总', en: 'Summary' },
  ledger: { zh: '台账', en: 'Ledger' },
} as const;

const COLUMNS = ['title', 'enterpriseId', 'partnerId', 'signedOn', 'kind', 'industry', 'amount', 'status', 'officer'];

export function buildLedger(args: {
  agreements: Row[];
  /** organisation names by id */
  names: Map<unknown, string>;
  /** each agreement's last follow-up day */
  lastFollowUp: Map<unknown, string>;
  range: LedgerRange;
  lang: Lang;
  now: number;
  unit: MoneyUnit;
}): Ledger {
  const { agreements, names, lastFollowUp, range, lang, now, unit } = args;
  const w = (key: keyof typeof words) => words[key][lang];
  const resource = resourceByName.agreements;
  const field = (source: string) => getField(resource, source)!;
  const byField = (source: string) =>
    w('by') + (lang === 'en' ? field(source).label.en.toLowerCase() : field(source).label.zh);
  const label = (enumName: string, id: unknown) =>
    enums[enumName].find((o) => o.id === id)?.label[lang] ?? (id == null ? '' : String(id));
  const headers = [
    w('no'),
    ...COLUMNS.map((source) => headerOf(field(source), lang, unit)),
    w('lastFollowUp'),
    field('nextFollowUpOn').label[lang],
    w('overdue'),
  ];
  const overdue = namedFilterTest(resource, 'overdue', now);
  const rows = agreements.map((a, i) => [
    i + 1,
    String(a.title ?? ''),
    names.get(a.enterpriseId) ?? '',
    names.get(a.partnerId) ?? '',
    (a.signedOn as string) ?? null,
    label('agreementKind', a.kind),
    label('industry', a.industry),
    typeof a.amount === 'number' ? inUnit(a.amount, unit) : null,
    label('agreementStatus', a.status),
    String(a.officer ?? ''),
    lastFollowUp.get(a.id) ?? null,
    (a.nextFollowUpOn as string) ?? null,
    overdue(a) ? w('yes') : '',
  ]);
  const totals = (key: (a: Row) => string, order: string[]) => {
    const lines = new Map<string, { label: string; count: number; amount: number }>();
    for (const id of order) lines.set(id, { label: id, count: 0, amount: 0 });
    for (const a of agreements) {
      const line = lines.get(key(a)) ?? { label: key(a), count: 0, amount: 0 };
      line.count++;
      line.amount += typeof a.amount === 'number' ? a.amount : 0;
      lines.set(key(a), line);
    }
    return [...lines.values()]
      .filter((line) => line.count > 0)
      .map((line) => ({ ...line, amount: inUnit(line.amount, unit) }));
  };
  const byStatus = totals(
    (a) => label('agreementStatus', a.status),
    enums.agreementStatus.map((o) => o.label[lang]),
  );
  // the largest industry first, as reports rank them; those not given last
  const byIndustry = totals(
    (a) => (a.industry ? label('industry', a.industry) : w('none')),
    enums.industry.map((o) => o.label[lang]),
  ).sort((x, y) => Number(x.label === w('none')) - Number(y.label === w('none')) || y.amount - x.amount);
  return {
    // overdue depends on the day: the ledger says which
    title: `${w('title')} ${range.from} – ${range.to}（${w('asOf')} ${beijingDay(now)}）`,
    headers,
    rows,
    dayColumns: [4, 10, 11],
    moneyColumn: 7,
    unit,
    summary: [
      { heading: byField('status'), lines: byStatus },
      { heading: byField('industry'), lines: byIndustry },
    ],
    total: {
      count: agreements.length,
      amount: inUnit(
        agreements.reduce((sum, a) => sum + (typeof a.amount === 'number' ? a.amount : 0), 0),
        unit,
      ),
    },
  };
}

/** The ledger as a workbook: the rows (real dates and amounts, header frozen, A4 landscape)
 * and the summary sheet. `ExcelJS` is passed in so the browser loads it only here. */
export async function ledgerToXlsx(
  ExcelJS: { Workbook: new () => Workbook },
  ledger: Ledger,
  lang: Lang,
): Promise<ArrayBuffer> {
  const w = (key: keyof typeof words) => words[key][lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huiwu';
  const sheet = workbook.addWorksheet(w('ledger'), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.addRow([ledger.title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, ledger.headers.length);
  sheet.addRow(ledger.headers).font = { bold: true };
  for (const column of ledger.dayColumns) sheet.getColumn(column + 1).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(ledger.moneyColumn + 1).numFmt = MONEY_FORMAT[ledger.unit];
  for (const cells of ledger.rows)
    sheet.addRow(
      cells.map((cell, i) =>
        ledger.dayColumns.includes(i) && typeof cell === 'string' ? new Date(`${cell}T00:00:00Z`) : cell,
      ),
    );
  [6, 30, 26, 26, 12, 14, 14, 14, 10, 10, 12, 12, 8].forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const summary = workbook.addWorksheet(w('summary'));
  summary.getColumn(3).numFmt = MONEY_FORMAT[ledger.unit];
  summary.addRow([ledger.title]).font = { bold: true, size: 14 };
  for (const part of ledger.summary) {
    summary.addRow([]);
    summary.addRow([
      part.heading,
      w('count'),
      headerOf(getField(resourceByName.agreements, 'amount')!, lang, ledger.unit),
    ]).font = {
      bold: true,
    };
    for (const line of part.lines) summary.addRow([line.label, line.count, line.amount]);
    summary.addRow([w('total'), ledger.total.count, ledger.total.amount]).font = { bold: true };
  }
  [24, 10, 18].forEach((width, i) => (summary.getColumn(i + 1).width = width));
  const bytes = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
