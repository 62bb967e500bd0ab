/** The declarative description of Huiwu's data. Plain data (JSON-serialisable) on purpose:
 * the server, the app and later the admins' own custom fields all read the same shape. */

export type Lang = 'zh' | 'en';
export type Label = Record<Lang, string>;

export type FieldType =
  | 'text'
  | 'longtext'
  | 'number'
  | 'money'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'boolean'
  | 'reference'
  | 'phone'
  | 'email'
  /** write-only: stored as a salted hash, never served */
  | 'password'
  /** a JSON object (the audit trail's before/after) */
  | 'json';

export interface FieldDef {
  source: string;
  type: FieldType;
  label: Label;
  required?: boolean;
  /** longest text, in characters */
  maxLength?: number;
  /** numeric bounds */
  min?: number;
  max?: number;
  /** whole numbers only */
  integer?: boolean;
  /** the name of an enumeration in src/schema/enums.ts, for type 'enum' */
  enum?: string;
  /** the resource a 'reference' field points to */
  reference?: string;
  default?: unknown;
  /** a hint under the input in forms */
  help?: Label;
  /** in forms, shown only while another field holds one of these values (a choice's options) */
  shownWhen?: Record<string, string[]>;
  /** shown as a list column unless false (the column chooser can still show it) */
  list?: boolean;
  /** offered as a list filter; text filters match "contains" unless 'exact' */
  filter?: boolean | 'exact';
  /** this date/datetime must not be before that field's value */
  notBefore?: string;
  /** a date that has happened: not after today (in Beijing) */
  notFuture?: boolean;
  /** this reference must not point at the same record as that field (enterprise ≠ partner) */
  notSameAs?: string;
  /** no two records may hold the same value (compared without case) */
  unique?: boolean;
  /** personal data (phone, e-mail): masked for roles that do not need it */
  personal?: boolean;
  /** a person's name: read as names are written (陈 静 is 陈静) */
  personName?: boolean;
  /** other headers that name this field in people's spreadsheets (import matches them) */
  aliases?: string[];
  /** an enum with a lifecycle: the values each value may move to; any other move is refused */
  transitions?: Record<string, string[]>;
  /** changed only by creating a record of that resource (an agreement's status, by a follow-up) */
  setBy?: string;
  /** set when the record is created and never changed after (a follow-up's status move is history) */
  immutable?: boolean;
  /** when this field takes a value, another field records when (a reply's date, a check-in's
   * time), unless the write gives it; `clear` empties it again when the field leaves that value */
  stamps?: Record<string, { field: string; clear?: boolean; /** only when coming from these */ from?: string[] }>;
  /** back to its default when this other field changes, unless the same write sets it (an
   * address marked as bouncing, once the address is corrected) */
  resetWhen?: string;
  /** a template: the only names it may hold in braces ({姓名}), each in Chinese or English */
  placeholders?: Label[];
}

export type MenuGroup = 'events' | 'people' | 'projects' | 'admin';

export type Role = 'admin' | 'organiser' | 'official' | 'viewer';

export interface ResourceDef {
  name: string;
  label: Label;
  /** singular form, for titles such as "Edit summit" */
  singular: Label;
  group: MenuGroup;
  /** the field that names a record (record representation, reference pickers, import by name) */
  titleField: string;
  /** default list order */
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** roles that may create, change and delete records (admins always may) */
  writers: Role[];
  /** roles that may read (admins always may); every role when absent */
  readers?: Role[];
  /** nobody writes it through the API, admins included (the audit trail); it is history: what
   * it names may be deleted, and a delete never touches it */
  readOnly?: boolean;
  /** its rows are never changed once written (the audit trail): no version, no timestamps of
   * their own */
  appendOnly?: boolean;
  /** written one record at a time only: no spreadsheet import (the schema's own definitions) */
  noImport?: boolean;
  /** how an imported row finds the record it updates, best first: each key is a list of
   * fields that together pick one record (phone within a summit); unique fields also do */
  importKeys?: string[][];
  /** creating a record also sets fields of the record its `reference` points at, in the same
   * atomic step: parent field ← own field, for the own fields that are given */
  setsParent?: {
    reference: string;
    fields: Record<string, string>;
    /** fields a new one starts from, copied from the parent (the agreement's officer) */
    inherit?: string[];
  };
  /** where a date written without a year (5月24日) takes its year from: the date field of the
   * record a reference points at (a guest's summit) */
  yearFrom?: { reference: string; field: string };
  /** a record created from its name alone (a new organisation typed into a guest list): the
   * values its other required fields take, guessed from words in the name, first match wins */
  fromName?: Record<string, { rules: [value: string, words: string[]][]; otherwise: string }>;
  /** filters the server computes, by name (?filter={"overdue":true}); in `where`, `$today` and
   * `$yesterday` are Beijing dates */
  namedFilters?: Record<
    string,
    { label: Label; where: Record<string, unknown>; /** the grid marks its rows */ highlight?: boolean }
  >;
  fields: FieldDef[];
  /** added by an admin (src/schema/custom.ts), not declared in code */
  custom?: boolean;
}

export interface EnumOption {
  id: string;
  label: Label;
  /** other ways people write it (高铁 and 动车 for 高铁/火车): read by import, paste and typing */
  aliases?: string[];
}
