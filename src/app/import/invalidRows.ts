import type { Lang } from '../../schema';
import type { ExportTable } from '../../schema/spreadsheet/table';
import type { ImportFile, ImportReport } from './importRequest';

/**
 * The rows that cannot be imported, and the cells left empty where the user chose so, as the
 * file had them, with a last column saying why, so they can be corrected in Excel and
 * imported again.
 */
export function invalidRowsTable(
  file: ImportFile,
  report: ImportReport,
  labelOf: (source: string) => string,
  lang: Lang,
): ExportTable {
  const reasonHeader = lang === 'zh' ? '不能导入或留空的原因' : 'Why it was not imported, or left empty';
  const lineHeader = lang === 'zh' ? '原文件行号' : 'Line in file';
  const rows = report.rows.flatMap((result, i) => {
    if (result.outcome !== 'invalid' && !result.emptied) return [];
    const emptied = lang === 'zh' ? '（已留空）' : ' (left empty)';
    const why = [
      ...Object.entries(result.errors ?? {}).map(([source, text]) => (source ? `${labelOf(source)}: ${text}` : text)),
      ...Object.entries(result.emptied ?? {}).map(([source, text]) => `${labelOf(source)}${emptied}: ${text}`),
    ].join(lang === 'zh' ? '；' : '; ');
    return [
      [
        { kind: 'number' as const, value: file.lines[i] },
        ...file.headers.map((_, j) => ({ kind: 'text' as const, value: file.rows[i][j] ?? '' })),
        { kind: 'text' as const, value: why },
      ],
    ];
  });
  return { headers: [lineHeader, ...file.headers, reasonHeader], rows };
}
