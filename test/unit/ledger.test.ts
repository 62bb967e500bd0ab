import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildLedger, ledgerToXlsx } from '../../src/app/agreements/ledger/ledger';

const agreements = [
  {
    id: 1,
    title: '石墨烯导热膜联合实验室',
    enterpriseId: 10,
    partnerId: 20,
    signedOn: '2026-03-18',
    kind: 'jointLab',
    industry: 'graphene',
    amount: 5_000_000,
    status: 'landed',
    officer: '赵敏',
    nextFollowUpOn: '2026-12-20',
  },
  {
    id: 2,
    title: '丘陵农机技术转让',
    enterpriseId: 11,
    partnerId: 21,
    signedOn: '2026-05-25',
    kind: 'techTransfer',
    industry: 'agriMachinery',
    amount: 1_200_000,
    status: 'stalled',
    officer: '钱进',
    nextFollowUpOn: '2026-11-01',
  },
  {
    id: 3,
    title: '石墨烯电池联合研发',
    enterpriseId: 10,
    partnerId: 21,
    signedOn: '2026-07-01',
    kind: 'jointRnD',
    industry: 'graphene',
    amount: null,
    status: 'landed',
    officer: '赵敏',
    nextFollowUpOn: null,
  },
];
const names = new Map<unknown, string>([
  [10, '江淮智能装备有限公司'],
  [11, '青岚农机有限公司'],
  [20, '江淮工业大学'],
  [21, '省农业机械研究所'],
]);
const ledger = buildLedger({
  agreements,
  names,
  lastFollowUp: new Map([[1, '2026-11-02']]),
  range: { from: '2026-01-01', to: '2026-12-31' },
  lang: 'zh',
  now: Date.parse('2026-11-22T04:00:00Z'),
  unit: 'yuan',
});

describe('the agreements ledger', () => {
  it('has a row per agreement with its parties, last and next follow-up, and whether it is overdue', () => {
    expect(ledger.headers).toEqual([
      '序号',
      '项目名称',
      '签约企业',
      '合作院校/院所',
      '签约日期',
      '合作方式',
      '产业领域',
      '金额（元）',
      '状态',
      '帮办专员',
      '最近跟进',
      '下次跟进',
      '跟进逾期',
    ]);
    expect(ledger.rows[0]).toEqual([
      1,
      '石墨烯导热膜联合实验室',
      '江淮智能装备有限公司',
      '江淮工业大学',
      '2026-03-18',
      '共建联合实验室',
      '石墨烯',
      5_000_000,
      '已落地',
      '赵敏',
      '2026-11-02',
      '2026-12-20',
      '',
    ]);
    expect(ledger.rows[1].at(-1)).toBe('是'); // stalled, due on 1 November
  });

  it('totals by status and industry, as counted by hand', () => {
    expect(ledger.summary).toEqual([
      {
        heading: '按状态',
        lines: [
          { label: '已落地', count: 2, amount: 5_000_000 },
          { label: '停滞', count: 1, amount: 1_200_000 },
        ],
      },
      {
        heading: '按产业领域',
        lines: [
          { label: '石墨烯', count: 2, amount: 5_000_000 },
          { label: '农机装备', count: 1, amount: 1_200_000 },
        ],
      },
    ]);
    expect(ledger.total).toEqual({ count: 3, amount: 6_200_000 });
  });

  it('writes both sheets with real dates and amounts', async () => {
    const file = Buffer.from(await ledgerToXlsx(ExcelJS, ledger, 'zh'));
    const sheets = (await readXlsxFile(file)) as unknown as { sheet: string; data: unknown[][] }[];
    expect(sheets.map((s) => s.sheet)).toEqual(['台账', '汇总']);
    const rows = sheets[0].data;
    expect(rows[0][0]).toBe('签约项目工作台账 2026-01-01 – 2026-12-31（截至 2026-11-22）');
    expect(rows[2][4]).toEqual(new Date('2026-03-18T00:00:00Z'));
    expect(rows[2][7]).toBe(5_000_000);
    expect(sheets[1].data).toContainEqual(['合计', 3, 6_200_000]);
  });

  it('in 万元: every amount, the header and the totals, shown to the hundredth', async () => {
    const wan = buildLedger({
      agreements,
      names,
      lastFollowUp: new Map(),
      range: { from: '2026-01-01', to: '2026-12-31' },
      lang: 'zh',
      now: Date.parse('2026-11-22T04:00:00Z'),
      unit: 'wan',
    });
    expect(wan.headers[7]).toBe('金额（万元）');
    expect(wan.rows.map((row) => row[7])).toEqual([500, 120, null]);
    expect(wan.total).toEqual({ count: 3, amount: 620 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await ledgerToXlsx(ExcelJS, wan, 'zh'));
    expect(workbook.worksheets[0].getColumn(8).numFmt).toBe('#,##0.00');
    expect(workbook.worksheets[1].getRow(3).values).toEqual([undefined, '按状态', '项目数', '金额（万元）']);
  });

  it('ranks the industries by amount, largest first, those not given last', () => {
    const of = (id: number, industry: string | null, amount: number) => ({ ...agreements[0], id, industry, amount });
    const ranked = buildLedger({
      agreements: [
        of(1, 'graphene', 1_000_000),
        of(2, 'agriMachinery', 3_000_000),
        of(3, null, 5_000_000),
        of(4, 'energyStorage', 2_000_000),
        of(5, 'graphene', 500_000),
      ],
      names,
      lastFollowUp: new Map(),
      range: { from: '2026-01-01', to: '2026-12-31' },
      lang: 'zh',
      now: Date.parse('2026-11-22T04:00:00Z'),
      unit: 'yuan',
    });
    expect(ranked.summary[1].lines.map((line) => [line.label, line.amount])).toEqual([
      ['农机装备', 3_000_000],
      ['新型储能', 2_000_000],
      ['石墨烯', 1_500_000],
      ['未填', 5_000_000],
    ]);
  });
});
