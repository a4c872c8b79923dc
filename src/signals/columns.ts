/**
 * The GDELT file formats: column names as GDELT publishes them and the type each is stored as.
 * One source for the warehouse DDL, the ingest SQL and the BigQuery generator.
 */

/** How a raw field is turned into a warehouse value; every kind but `text` can be rejected. */
export type FieldKind =
  | 'id' // positive integer
  | 'int'
  | 'double'
  | 'date' // YYYYMMDD
  | 'month' // YYYYMM
  | 'year' // YYYY
  | 'timestamp' // YYYYMMDDHHMMSS
  | 'dateadded_v1' // YYYYMMDD, stored as a timestamp at midnight
  | 'cameo_event' // an event code of the CAMEO table
  | 'cameo_root'
  | 'cameo_base'
  | 'quad'
  | 'goldstein'
  | 'tone' // −100 … +100, as GDELT's codebook defines AvgTone and MentionDocTone
  | 'bool01'
  | 'text';

export interface Column {
  name: string;
  kind: FieldKind;
}

export type FileKind = 'events-v1' | 'events-v2' | 'mentions-v2';

const actor = (n: 1 | 2): Column[] =>
  [
    'Code',
    'Name',
    'CountryCode',
    'KnownGroupCode',
    'EthnicCode',
    'Religion1Code',
    'Religion2Code',
    'Type1Code',
    'Type2Code',
    'Type3Code',
  ].map((s) => ({ name: `Actor${n}${s}`, kind: 'text' }));

const geo = (prefix: string, withAdm2: boolean): Column[] => [
  { name: `${prefix}_Type`, kind: 'int' },
  { name: `${prefix}_FullName`, kind: 'text' },
  { name: `${prefix}_CountryCode`, kind: 'text' },
  { name: `${prefix}_ADM1Code`, kind: 'text' },
  ...(withAdm2 ? [{ name: `${prefix}_ADM2Code`, kind: 'text' } as Column] : []),
  { name: `${prefix}_Lat`, kind: 'double' },
  { name: `${prefix}_Long`, kind: 'double' },
  // A GNS/GNIS number for places, but a FIPS code ("US", "KS") for country-level matches.
  { name: `${prefix}_FeatureID`, kind: 'text' },
];

const eventHead: Column[] = [
  { name: 'GLOBALEVENTID', kind: 'id' },
  { name: 'SQLDATE', kind: 'date' },
  { name: 'MonthYear', kind: 'month' },
  { name: 'Year', kind: 'year' },
  { name: 'FractionDate', kind: 'double' },
  ...actor(1),
  ...actor(2),
  { name: 'IsRootEvent', kind: 'bool01' },
  { name: 'EventCode', kind: 'cameo_event' },
  { name: 'EventBaseCode', kind: 'cameo_base' },
  { name: 'EventRootCode', kind: 'cameo_root' },
  { name: 'QuadClass', kind: 'quad' },
  { name: 'GoldsteinScale', kind: 'goldstein' },
  { name: 'NumMentions', kind: 'int' },
  { name: 'NumSources', kind: 'int' },
  { name: 'NumArticles', kind: 'int' },
  { name: 'AvgTone', kind: 'tone' },
];

const geos = (withAdm2: boolean) => ['Actor1Geo', 'Actor2Geo', 'ActionGeo'].flatMap((g) => geo(g, withAdm2));

/** GDELT 2.0 15-minute event export: 61 columns. */
export const EVENTS_V2: readonly Column[] = [
  ...eventHead,
  ...geos(true),
  { name: 'DATEADDED', kind: 'timestamp' },
  { name: 'SOURCEURL', kind: 'text' },
];

/** GDELT 1.0 daily event file: 58 columns (57 in the historical backfile, without SOURCEURL). */
export const EVENTS_V1: readonly Column[] = [
  ...eventHead,
  ...geos(false),
  { name: 'DATEADDED', kind: 'dateadded_v1' },
  { name: 'SOURCEURL', kind: 'text' },
];

/** GDELT 2.0 mentions: 16 columns. */
export const MENTIONS_V2: readonly Column[] = [
  { name: 'GLOBALEVENTID', kind: 'id' },
  { name: 'EventTimeDate', kind: 'timestamp' },
  { name: 'MentionTimeDate', kind: 'timestamp' },
  { name: 'MentionType', kind: 'int' },
  { name: 'MentionSourceName', kind: 'text' },
  { name: 'MentionIdentifier', kind: 'text' },
  { name: 'SentenceID', kind: 'int' },
  { name: 'Actor1CharOffset', kind: 'int' },
  { name: 'Actor2CharOffset', kind: 'int' },
  { name: 'ActionCharOffset', kind: 'int' },
  { name: 'InRawText', kind: 'int' },
  { name: 'Confidence', kind: 'int' },
  { name: 'MentionDocLen', kind: 'int' },
  { name: 'MentionDocTone', kind: 'tone' },
  { name: 'MentionDocTranslationInfo', kind: 'text' },
  { name: 'Extras', kind: 'text' },
];

export interface FormatSpec {
  kind: FileKind;
  /** Columns of a full row, in file order. */
  columns: readonly Column[];
  /** Field counts a row may have; v1 historical rows lack the last column. */
  widths: readonly number[];
  /** The warehouse table rows go to. */
  table: 'events' | 'mentions';
}

export const FORMATS: Record<FileKind, FormatSpec> = {
  'events-v2': { kind: 'events-v2', columns: EVENTS_V2, widths: [61], table: 'events' },
  'events-v1': { kind: 'events-v1', columns: EVENTS_V1, widths: [57, 58], table: 'events' },
  'mentions-v2': { kind: 'mentions-v2', columns: MENTIONS_V2, widths: [16], table: 'mentions' },
};

/** The warehouse's events table holds v1 and v2 rows: the v2 columns, ADM2 codes empty for v1. */
export const EVENT_TABLE_COLUMNS: readonly Column[] = EVENTS_V2;
