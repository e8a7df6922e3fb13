// Upload sizes the app documents, in one place: the server-action limit derives from them.

/** CSV imports (staff, headcounts), sent to a server action. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

// multipart/form-data adds boundaries, part headers and the other fields (Next's docs: 10–20 KB);
// 64 KB of room means a file at the limit always reaches the app, which answers above it.
const MULTIPART_ROOM_BYTES = 64 * 1024;

/** Next.js's serverActions.bodySizeLimit (bytes). */
export const SERVER_ACTION_BODY_LIMIT = MAX_IMPORT_BYTES + MULTIPART_ROOM_BYTES;
