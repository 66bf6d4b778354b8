/**
 * SQL that renders a column as the text OneRoster writes, so the exporter never reformats
 * values in JavaScript (pg would hand `date` columns back as local-time Date objects).
 */

/** `date` as YYYY-MM-DD, exactly as stored (OneRoster dates carry no time zone). */
export const dateText = (expr: string): string => `to_char(${expr}, 'YYYY-MM-DD')`;

/** Booleans as the binding's lowercase tokens; null (not sent) stays blank. */
export const boolText = (expr: string): string => `case when ${expr} then 'true' when not ${expr} then 'false' end`;

/** A `text[]` as one comma-separated field (the CSV writer quotes it when it holds a comma). */
export const listText = (expr: string): string => `array_to_string(${expr}, ',')`;

/** A column the bulk binding leaves blank (status, dateLastModified) or we never hold (password). */
export const BLANK = 'null::text';
