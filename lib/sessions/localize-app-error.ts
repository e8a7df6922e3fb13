// Moved to lib/errors (shared by every domain); kept here so that existing imports keep working.
export { localizedAppError, localizeAppError, type TLocalizedDetails } from "../errors/localized-error";
