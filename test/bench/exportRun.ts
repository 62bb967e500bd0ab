import ExcelJS from 'exceljs';
import { importableFields } from '../../src/app/import/mapping';
import { resourceByName } from '../../src/schema';
import { toCsv } from '../../src/schema/spreadsheet/csv';
import { buildTable } from '../../src/schema/spreadsheet/table';
import { toXlsx } from '../../src/schema/spreadsheet/xlsx';

/**
 * The reference an export is compared with: every attendee fetched in chunks of 2,500 (sorted
 * by name), organization names looked up, the whole file built in memory, as the app's tab did
 * before the server streamed exports. Run in a process of its own so its time and peak memory
 * are its own. Prints JSON: { ms, peak_mb, bytes, rows }.
 */
const [url, cookie, format] = process.argv.slice(2);
const CHUNK = 2500;
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
const get = async (path: string) => {
  const res = await fetch(`${url}/api${path}`, { headers: { Cookie: cookie } });
  if (!res.ok) throw new Error(`${path.slice(0, 80)}: ${res.status} ${await res.text()}`);
  return { json: (await res.json()) as Record<string, unknown>[], range: res.headers.get('content-range') };
};
const rows: Record<string, unknown>[] = [];
for (let start = 0; ; start += CHUNK) {
  const { json, range } = await get(
    `/attendees?sort=${encodeURIComponent('["name","ASC"]')}&range=${encodeURIComponent(`[${start},${start + CHUNK - 1}]`)}`,
  );
  rows.push(...json);
  const total = Number(range?.split('/')[1]);
  if (json.length < CHUNK || rows.length >= total) break;
}
const ids = [...new Set(rows.map((r) => r.organizationId))].filter((id) => id != null);
const names = new Map<unknown, string>();
for (let i = 0; i < ids.length; i += 500) {
  const { json } = await get(
    `/organizations?filter=${encodeURIComponent(JSON.stringify({ id: ids.slice(i, i + 500) }))}`,
  );
  for (const org of json) names.set(org.id, String(org.name));
}
const attendees = resourceByName.attendees;
const columns = importableFields(attendees).filter((f) => f.list !== false);
const table = buildTable(attendees, columns, rows, { organizationId: names }, 'zh');
const file = format === 'csv' ? toCsv(table) : await toXlsx(ExcelJS, table, attendees.label.zh);
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
  JSON.stringify({
    ms: performance.now() - started,
    peak_mb: peak / 1048576,
    bytes: typeof file === 'string' ? Buffer.byteLength(file) : file.byteLength,
    rows: rows.length,
  }),
);
