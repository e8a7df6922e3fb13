import type { Role } from "../db/generated/enums";
import type { TLineError } from "./parse-csv";
import type { TStaffLine } from "./parse-staff-csv";

export type TKnownPerson = { id: string; email: string; institutionId: string | null; roles: Role[] };

/**
 * Who a staff import may touch: only agents of the importing institution. A line naming a
 * person of another institution, an account of no institution (a national administrator's, a
 * freshly signed-in one) or anyone holding a role beyond agent is refused: an import would
 * otherwise rename the account, move it into the institution and set its manager, so an
 * officer could take over an administrator. Managers must be in the file or in the institution
 * (they are only pointed at, never changed). Pure: the caller reads the people, this decides.
 */
export function checkStaffImport(options: {
  institutionId: string;
  rows: TStaffLine[];
  known: Map<string, TKnownPerson>;
}): TLineError[] {
  const { institutionId, rows, known } = options;
  const inFile = new Set(rows.map((row) => row.email));
  const errors: TLineError[] = [];
  const refuse = (line: number, message: string, messageKey: TLineError["messageKey"], values = {}) =>
    errors.push({ line, message, messageKey, values });
  for (const row of rows) {
    const person = known.get(row.email);
    if (person && person.institutionId === null)
      refuse(row.line, `${row.email} is an account of no institution.`, "indicators.imports.noInstitution", {
        email: row.email,
      });
    else if (person && person.institutionId !== institutionId)
      refuse(row.line, `${row.email} belongs to another institution.`, "indicators.imports.otherInstitution", {
        email: row.email,
      });
    const role = person?.roles.find((held) => held !== "AGENT");
    if (role)
      refuse(row.line, `${row.email} holds the role ${role}.`, "indicators.imports.notAnAgent", {
        email: row.email,
        role,
      });
    if (row.responsable) {
      const manager = known.get(row.responsable);
      if (!inFile.has(row.responsable) && manager?.institutionId !== institutionId)
        refuse(
          row.line,
          `Manager ${row.responsable} is neither in the file nor in the institution.`,
          "indicators.imports.managerUnknown",
          { manager: row.responsable },
        );
      if (row.responsable === row.email)
        refuse(row.line, "An agent cannot be their own manager.", "indicators.imports.ownManager");
    }
  }
  return errors;
}
