// How a browser plays a ready video, by the provider that holds it (not the one configured now:
// videos uploaded before Mux was configured keep streaming from Relais).
export type TVideoAssetForPlayback = {
  id: string;
  provider: "LOCAL" | "MUX";
  status: string;
  playbackId: string | null;
  posterPath: string | null;
};

export type TVideoPlayback =
  | { kind: "file"; src: string; poster: string | null }
  | { kind: "mux"; playbackId: string; src: string; poster: string };

/** Mux's documented image and static-rendition addresses for a public playback id. */
export const muxPosterUrl = (playbackId: string) =>
  `https://image.mux.com/${encodeURIComponent(playbackId)}/thumbnail.webp?width=960`;
export const muxMp4Url = (playbackId: string) => `https://stream.mux.com/${encodeURIComponent(playbackId)}/highest.mp4`;

export function describeVideoPlayback(asset: TVideoAssetForPlayback | null): TVideoPlayback | null {
  if (!asset || asset.status !== "READY") return null;
  if (asset.provider === "MUX") {
    if (!asset.playbackId) return null;
    // src: our stream route, which redirects to the MP4 rendition (used by lesson-embedded videos).
    return {
      kind: "mux",
      playbackId: asset.playbackId,
      src: `/api/video/${asset.id}/stream`,
      poster: muxPosterUrl(asset.playbackId),
    };
  }
  return {
    kind: "file",
    src: `/api/video/${asset.id}/stream`,
    poster: asset.posterPath ? `/api/video/${asset.id}/poster` : null,
  };
}
