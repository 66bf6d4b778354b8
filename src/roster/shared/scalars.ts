/**
 * Scalars of the roster graph. OneRoster dates (`YYYY-MM-DD`) have no time zone, so they are
 * `LocalDate` strings, never JS Dates (which would shift with the server's zone).
 */
export { JSONObjectResolver as JSONObject, LocalDateResolver as LocalDate } from 'graphql-scalars';
