import type { Request } from 'express';
import { getField, type Lang, type ResourceDef } from '../schema';
import { reasonText } from '../schema/messages';
import { checkWrite, type Reasons } from '../schema/validate';
import { HttpError, message } from './messages';
import { findById, type Row } from './records';
import type { Data } from './store/store';

function invalid(resource: ResourceDef, reasons: Reasons, lang: Lang): HttpError {
  const errors = Object.fromEntries(Object.entries(reasons).map(([key, reason]) => [key, reasonText(reason, lang)]));
  const list = Object.entries(errors)
    .map(([key, text]) => `${getField(resource, key)?.label[lang] ?? key}: ${text}`)
    .join(lang === 'zh' ? '；' : '; ');
  return new HttpError(400, message(lang, 'invalid', { list }), { errors });
}

/**
 * Validates a create or update against the schema and the data (references must exist),
 * and replaces the body with the record to store. Throws a 400 and leaves the store
 * untouched when anything is wrong.
 */
export function prepareWrite(
  data: Data,
  resource: ResourceDef,
  req: Request,
  lang: Lang,
  existing?: Row,
): Record<string, unknown> {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, message(lang, 'notObject'));
  const { record, reasons } = checkWrite(resource, body as Record<string, unknown>, existing);
  for (const field of resource.fields) {
    const value = record[field.source];
    if (field.type !== 'reference' || reasons[field.source] || value === null) continue;
    if (!findById(data[field.reference!], value)) reasons[field.source] = { code: 'missingReference', id: String(value) };
  }
  if (Object.keys(reasons).length > 0) throw invalid(resource, reasons, lang);

  const now = new Date().toISOString();
  const { id: _id, ...fields } = record;
  return existing ? { ...fields, updatedAt: now } : { ...fields, createdAt: now, updatedAt: now };
}
