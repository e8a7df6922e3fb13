"use client";
import MuxPlayer from "@mux/mux-player-react";

/** What the Video Profile listeners use of a media element (Mux Player's element has no `seeking`). */
export type TMediaElement = Pick<
  HTMLMediaElement,
  "currentTime" | "duration" | "paused" | "ended" | "addEventListener" | "removeEventListener"
> & { seeking?: boolean };

type TProps = { playbackId: string; poster: string; title: string; onElement: (element: TMediaElement | null) => void };

/** Mux Player (HLS, adaptive) for videos held by Mux; its keyboard-accessible controls are Media Chrome's. */
export function MuxVideo({ playbackId, poster, title, onElement }: TProps) {
  return (
    <MuxPlayer
      ref={(element) => onElement(element as TMediaElement | null)}
      playbackId={playbackId}
      streamType="on-demand"
      poster={poster}
      title={title}
      metadata={{ video_title: title }}
      accentColor="#000091"
      className="player-video"
    />
  );
}
