/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a cell starting with = + - @ (or a tab
 * or carriage return, which some spreadsheets strip first) would run as a formula. Prefixing a
 * single quote makes it text. Numbers are never strings here, so negative figures are untouched.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
