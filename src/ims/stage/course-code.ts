/**
 * A group's course code as memberships and groups both use it: the `<sourcedid><id>`, trimmed
 * and, with Moodle's `truncatecoursecodes`, cut to that many characters (letters, not bytes).
 */
export function courseCode(raw: string | null | undefined, truncate: number): string {
  const code = (raw ?? '').trim();
  if (truncate <= 0) return code;
  const chars = Array.from(code);
  return chars.length > truncate ? chars.slice(0, truncate).join('').trim() : code;
}
