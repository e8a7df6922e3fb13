export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;
