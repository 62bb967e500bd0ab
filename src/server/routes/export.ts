import express, { type Response } from 'express';
import {
  allows,
  getField,
  maskPersonal,
  resourceByName,
  roleSeesPersonalData,
  type FieldDef,
  type ResourceDef,
  type Role,
} from '../../schema';
import { CSV_BOM, csvHeader, csvLine } from '../../schema/spreadsheet/csv';
import { isMoneyUnit } from '../../schema/money';
import { exportCell, headerOf, type ExportCell, type ReferenceTitles } from '../../schema/spreadsheet/table';
import { addCells, sheetColumns, XLSX_TYPE } from '../../schema/spreadsheet/xlsx';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { present, resourceFor } from '../present';
import type { Row } from '../records';
import { namedByPersonalData, titlesOf } from '../titles';
import type { ServerContext } from './context';
import { readListQuery } from './listQuery';

/** Cells written between two yields to the event loop (2,000 rows of 20 columns): other
 * requests go on meanwhile, however wide the export. */
const SLICE_CELLS = 40_000;
/** A client that takes no byte for this long has gone: its export stops. */
const STALLED_MS = 60_000;

/**
 * GET /api/attendees/export?format=xlsx&filter={…}&sort=[…]&columns=["name",…]&name=…&sheet=…&unit=wan: the
 * rows the grid shows (its filter, sort and columns; what the role may see of them, phones
 * masked for viewers) as a file written while it is sent, a slice at a time: a province's
 * 100,000 guests without building the whole workbook in memory, here or in the browser. Rows
 * are taken when the export starts; one edited meanwhile is written as it is when its slice is.
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
      const refuse = (detail: string) => new HttpError(400, message(lang, 'badQuery', { detail }));
      const format = raw.format === 'csv' ? 'csv' : raw.format === 'xlsx' ? 'xlsx' : null;
      if (!format) throw refuse('format must be xlsx or csv');
      // amounts in the reader's unit (yuan unless asked), which their column's header names
      const unit = raw.unit ?? 'yuan';
      if (!isMoneyUnit(unit)) throw refuse('unit must be yuan or wan');
      const columns = columnsOf(resource, raw.columns, refuse);
      const { query } = await readListQuery(server, req, res, resource, { parts: ['filter', 'sort'] });
      const slice = Math.max(20, Math.floor(SLICE_CELLS / columns.length));
      // a slice at a time from the store (a million rows are never in memory at once), each
      // with the names of the records it links to
      const { total, pages } = await server.scanRows(req, res, resource, query, slice);
      const slices = (async function* () {
        for await (const rows of pages) {
          const titles = await titlesFor(server, columns, rows, role);
          yield rows.map((row) => {
            const shown = present(resource, row, role);
            return columns.map((field) => exportCell(field, shown[field.source], titles, lang, unit));
          });
        }
      })();
      const name = fileName(raw.name) || resource.label[lang];
      // short and saying what the rows are (荣誉证书): a summit's name, cut at 31 characters,
      // said nothing; the whole name stays in the file's name and its title
      const sheet = sheetName(fileName(raw.sheet) || resource.label[lang]);
      // not compressed on the way (an XLSX is a zip already): what is written is what is sent,
      // so waiting for the connection to take it holds back the writing
      res.setHeader('Cache-Control', 'no-store, no-transform');
      res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`);
      res.setHeader('X-Export-Rows', String(total));
      const headers = columns.map((field) => headerOf(field, lang, unit));
      try {
        if (format === 'csv') await writeCsv(res, headers, slices);
        else await writeXlsx(res, headers, slices, { name, sheet });
      } catch (error) {
        if (!res.headersSent) throw error;
        // half a file is sent: no error answer can follow it, so the download is cut, not finished
        console.error(error);
        res.destroy();
      }
    }),
  );
  return router;
}

/** The columns asked for, in order: fields of the list the role may read (never secrets). */
function columnsOf(resource: ResourceDef, raw: unknown, refuse: (detail: string) => Error): FieldDef[] {
  let sources: unknown;
  try {
    // given twice (columns=[…]&columns=[…]) is a mistake, not "every column"
    sources = typeof raw === 'string' ? JSON.parse(raw) : raw === undefined ? undefined : null;
  } catch {
    throw refuse('"columns" must be a JSON list of fields');
  }
  if (sources === undefined)
    return resource.fields.filter((f) => f.list !== false && f.type !== 'password' && f.type !== 'json');
  if (!Array.isArray(sources) || sources.length > 500) throw refuse('"columns" must be a JSON list of fields');
  return sources.map((source) => {
    const field = typeof source === 'string' ? getField(resource, source) : undefined;
    if (!field || field.type === 'password' || field.type === 'json')
      throw refuse(`no column "${[...String(source)].slice(0, 40).join('')}"`);
    return field;
  });
}

/** The file's name as asked: whole characters, none a spreadsheet refuses in a sheet's name
 * (exceljs' streaming writer does not check them; Excel would "repair" the file). */
const fileName = (raw: unknown) =>
  typeof raw === 'string'
    ? [...raw.replace(/[\p{C}*?:\\/[\]]/gu, ' ').replace(/\s+/g, ' ')]
        .slice(0, 80)
        .join('')
        .replace(/^[\s']+|[\s']+$/g, '')
    : '';

/** At most the 31 characters (UTF-16 units) a sheet's name may have, no character cut in two,
 * and, cut, still not ending in an apostrophe or a space (Excel refuses the first); never
 * History, which Excel keeps for itself. */
function sheetName(name: string) {
  if (/^history$/i.test(name)) return `${name} 1`;
  let kept = '';
  for (const char of name) {
    if (kept.length + char.length > 31) break;
    kept += char;
  }
  return kept.replace(/[\s']+$/, '');
}

/** The names of the records the rows link to, of lists the role may read; masked where a list
 * is named by personal data and the role may not see it. */
async function titlesFor(
  server: ServerContext,
  columns: FieldDef[],
  rows: Row[],
  role: Role,
): Promise<ReferenceTitles> {
  const titles: ReferenceTitles = {};
  for (const field of columns.filter((f) => f.type === 'reference')) {
    const target = resourceByName[field.reference!];
    if (!target || !allows(role, target, 'read')) continue;
    const masked = namedByPersonalData(target) && !roleSeesPersonalData(role);
    const wanted = new Set(rows.map((row) => row[field.source]).filter((id) => id !== null && id !== undefined));
    // only the records linked to: a look-up by id, not a pass over the whole list
    const names = titlesOf(await server.records.get(target.name, [...wanted]), target);
    titles[field.source] = new Map(
      [...wanted].map((id) => {
        const title = names.get(String(id)) ?? `#${id}`;
        return [id, masked ? String(maskPersonal(title)) : title];
      }),
    );
  }
  return titles;
}

/** Waits until the connection has taken what was written (a slow client holds back the
 * writing, not the memory), or the client has gone or stalled; then true while it is still
 * there to write to. */
const drained = (res: Response, full: boolean) =>
  new Promise<boolean>((resolve) => {
    if (res.destroyed) return resolve(false);
    if (!full && !res.writableNeedDrain) return setImmediate(() => resolve(!res.destroyed));
    // a slow reader is waited for as long as bytes move; one that takes none for a minute has gone
    let sent = res.socket?.bytesWritten ?? 0;
    const watch = setInterval(() => {
      const now = res.socket?.bytesWritten ?? 0;
      if (now === sent) res.destroy();
      sent = now;
    }, STALLED_MS);
    const done = () => {
      clearInterval(watch);
      res.off('drain', done).off('close', done);
      resolve(!res.destroyed);
    };
    res.on('drain', done).on('close', done);
  });

/** The rows' cells, a slice at a time, as the store hands them out. */
type Slices = AsyncIterator<ExportCell[][]>;

async function writeCsv(res: Response, headers: string[], slices: Slices) {
  let full = !res.write(CSV_BOM + csvHeader(headers));
  for (;;) {
    if (!(await drained(res, full))) return void slices.return?.();
    const next = await slices.next();
    if (next.done) break;
    full = !res.write(next.value.map((cells) => csvLine(cells)).join(''));
  }
  res.end();
}

/** What the zip may have still to compress of a sheet's rows before the next slice is written. */
const ZIP_BACKLOG = 1024 * 1024;

/**
 * Waits until the zip has taken in the sheet's rows written so far (but ZIP_BACKLOG), and the
 * connection what the zip made of them; then true while the client is still there. exceljs'
 * sheet hands its XML on to the zip's input without waiting for it (its StreamBuf ignores
 * backpressure), so a sheet written faster than it is compressed piled up in that input, a
 * million rows' XML by the end; it is read here where exceljs keeps it (`sheet.stream.pipes`),
 * and, should a later exceljs keep it elsewhere, only the connection is waited for, as before.
 */
export async function zipCaughtUp(sheet: object, res: Response): Promise<boolean> {
  type Input = NodeJS.EventEmitter & { writableLength?: number; _writableState?: { length: number } };
  const input = (sheet as { stream?: { pipes?: Input[] } }).stream?.pipes?.[0];
  const backlog = () => input?.writableLength ?? input?._writableState?.length ?? 0;
  while (input && backlog() > ZIP_BACKLOG && !res.destroyed) {
    if (res.writableNeedDrain) {
      if (!(await drained(res, true))) return false;
      continue;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        input.off('drain', done);
        resolve();
      };
      const timer = setTimeout(done, 20);
      input.once('drain', done);
    });
  }
  return drained(res, false);
}

async function writeXlsx(res: Response, headers: string[], slices: Slices, names: { name: string; sheet: string }) {
  // loaded on the first export: most servers never hold exceljs in memory
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Huiwu';
  workbook.title = names.name;
  const sheet = workbook.addWorksheet(names.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // formats and widths are written before the rows: judged from the first slice
  let next = await slices.next();
  const columns = sheetColumns(headers, next.done ? [] : next.value);
  sheet.columns = columns.map((column) => ({ width: column.width, style: { numFmt: column.numFmt } }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (; !next.done; next = await slices.next()) {
    for (const cells of next.value) addCells(sheet, cells, columns).commit();
    // exceljs zips behind the rows: the next slice waits until the zip has caught up
    if (!(await zipCaughtUp(sheet, res))) return void slices.return?.();
  }
  sheet.commit();
  await workbook.commit();
}
