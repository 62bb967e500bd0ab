import type { Lang } from '../../schema';
import type { ExportTable } from '../export/table';
import type { ImportFile, ImportReport } from './importRequest';

/**
 * The rows that cannot be imported, as the file had them, with a last column saying why, so
 * they can be corrected in Excel and imported again.
 */
export function invalidRowsTable(
  file: ImportFile,
  report: ImportReport,
  labelOf: (source: string) => string,
  lang: Lang,
): ExportTable {
  const reasonHeader = lang === 'zh' ? '不能导入的原因' : 'Why it cannot be imported';
  const lineHeader = lang === 'zh' ? '原文件行号' : 'Line in file';
  const rows = report.rows.flatMap((result, i) => {
    if (result.outcome !== 'invalid') return [];
    const why = Object.entries(result.errors ?? {})
      .map(([source, text]) => (source ? `${labelOf(source)}: ${text}` : text))
      .join(lang === 'zh' ? '；' : '; ');
    return [
      [
        { kind: 'number' as const, value: file.lines[i], money: false },
        ...file.headers.map((_, j) => ({ kind: 'text' as const, value: file.rows[i][j] ?? '' })),
        { kind: 'text' as const, value: why },
      ],
    ];
  });
  return { headers: [lineHeader, ...file.headers, reasonHeader], rows };
}
