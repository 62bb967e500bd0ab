import express, { type Response } from 'express';
import { getField, resourceByName, allows, type FieldDef, type Role } from '../../schema';
import { CSV_BOM, csvHeader, csvLine } from '../../schema/spreadsheet/csv';
import { exportCell, type ExportCell, type ReferenceTitles } from '../../schema/spreadsheet/table';
import { addCells, sheetColumns, XLSX_TYPE } from '../../schema/spreadsheet/xlsx';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { present, refusePersonal, resourceFor } from '../present';
import { QueryError, translateListQuery } from '../protocol';
import type { Row } from '../records';
import type { ServerContext } from './context';

/** Rows written between two yields to the event loop: other requests go on meanwhile. */
const SLICE = 2000;

/**
 * GET /api/attendees/export?format=xlsx&filter={…}&sort=[…]&columns=["name",…]&name=…: the
 * rows the grid shows (its filter, sort and columns; what the role may see of them, phones
 * masked for viewers) as a file written while it is sent, a slice at a time: a province's
 * 100,000 guests without building the whole workbook in memory, here or in the browser.
 */
export function exportRoutes(server: ServerContext) {
  const router = express.Router();
  router.get(
    '/:resource/export',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const role = res.locals.user.role as Role;
      const resource = resourceFor(req.params.resource, role, 'read', lang);
      const raw = req.query as Record<string, unknown>;
      const format = raw.format === 'csv' ? 'csv' : raw.format === 'xlsx' ? 'xlsx' : null;
      if (!format) throw new HttpError(400, message(lang, 'badQuery', { detail: 'format must be xlsx or csv' }));
      let columns: FieldDef[];
      let rows: Row[];
      try {
        columns = columnsOf(resource, raw.columns);
        const { query } = translateListQuery(
          resource,
          { filter: raw.filter, sort: raw.sort },
          server.now(),
          res.locals.user,
        );
        refusePersonal(resource, Object.keys(query), role, lang);
        server.applySearch(resource, query, role);
        rows = (await server.listPage(req, res, resource, query)).page;
      } catch (error) {
        if (error instanceof QueryError) throw new HttpError(400, message(lang, 'badQuery', { detail: error.message }));
        throw error;
      }
      const titles = titlesFor(server, columns, rows, role);
      const name =
        typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim().slice(0, 80) : resource.label[lang];
      const cells = (row: Row) => {
        const shown = present(resource, row, role);
        return columns.map((field) => exportCell(field, shown[field.source], titles, lang));
      };
      res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`);
      res.setHeader('X-Export-Rows', String(rows.length));
      const headers = columns.map((field) => field.label[lang]);
      try {
        if (format === 'csv') await writeCsv(res, headers, rows, cells);
        else await writeXlsx(res, headers, rows, cells, name);
      } catch (error) {
        // half a file is sent: no error answer can follow it, so the download is cut, not finished
        console.error(error);
        res.destroy();
      }
    }),
  );
  return router;
}

/** The columns asked for, in order: fields of the list the role may read (never secrets). */
function columnsOf(resource: ReturnType<typeof resourceFor>, raw: unknown): FieldDef[] {
  let sources: unknown;
  try {
    sources = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    throw new QueryError('"columns" must be a JSON list of fields');
  }
  if (sources === undefined)
    return resource.fields.filter((f) => f.list !== false && f.type !== 'password' && f.type !== 'json');
  if (!Array.isArray(sources) || sources.length > 500) throw new QueryError('"columns" must be a JSON list of fields');
  return sources.map((source) => {
    const field = typeof source === 'string' ? getField(resource, source) : undefined;
    if (!field || field.type === 'password' || field.type === 'json')
      throw new QueryError(`no column "${String(source).slice(0, 40)}"`);
    return field;
  });
}

/** The names of the records the rows link to, of lists the role may read. */
function titlesFor(server: ServerContext, columns: FieldDef[], rows: Row[], role: Role): ReferenceTitles {
  const titles: ReferenceTitles = {};
  for (const field of columns.filter((f) => f.type === 'reference')) {
    const target = resourceByName[field.reference!];
    if (!target || !allows(role, target, 'read')) continue;
    const wanted = new Set(rows.map((row) => String(row[field.source])));
    titles[field.source] = new Map(
      (server.store.data[target.name] ?? [])
        .filter((row) => wanted.has(String(row.id)))
        .map((row) => [row.id, String(row[target.titleField] ?? `#${row.id}`)]),
    );
  }
  return titles;
}

/** Waits until the response has taken what was written (a slow client holds the writer, not
 * memory), or the client has gone; then true while it is still there to write to. */
const drained = (res: Response) =>
  new Promise<boolean>((resolve) => {
    if (res.destroyed) return resolve(false);
    if (!res.writableNeedDrain) return setImmediate(() => resolve(!res.destroyed));
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve(!res.destroyed);
    };
    res.on('drain', done).on('close', done);
  });

async function writeCsv(res: Response, headers: string[], rows: Row[], cells: (row: Row) => ExportCell[]) {
  res.write(CSV_BOM + csvHeader(headers));
  for (let i = 0; i < rows.length; i += SLICE) {
    res.write(
      rows
        .slice(i, i + SLICE)
        .map((row) => csvLine(cells(row)))
        .join(''),
    );
    await drained(res);
  }
  res.end();
}

async function writeXlsx(
  res: Response,
  headers: string[],
  rows: Row[],
  cells: (row: Row) => ExportCell[],
  name: string,
) {
  // loaded on the first export: most servers never hold exceljs in memory
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Huiwu';
  const sheet = workbook.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  // formats and widths are written before the rows: judged from the first slice
  const columns = sheetColumns(headers, rows.slice(0, SLICE).map(cells));
  sheet.columns = columns.map((column) => ({ width: column.width, style: { numFmt: column.numFmt } }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (let i = 0; i < rows.length; i += SLICE) {
    for (const row of rows.slice(i, i + SLICE)) addCells(sheet, cells(row), columns).commit();
    if (!(await drained(res))) return;
  }
  sheet.commit();
  await workbook.commit();
}
