"use client";
import { useEffect, useRef, useState } from "react";
import dynamic from "next/dynamic";
import type { TPlayerContext, TStatementInput } from "@/lib/learning/xapi-statement";
import { EXTENSION } from "@/lib/learning/xapi-vocabulary";
import type { TVideoPlayback } from "@/lib/video/describe-video-playback";
import { sendPlayerStatement } from "./player-tracker";
import type { TMediaElement } from "./mux-video";

// Mux Player is loaded only for Mux videos, in the browser (it is a web component).
const MuxVideo = dynamic(() => import("./mux-video").then((module) => module.MuxVideo), { ssr: false });

type TProps = {
  context: TPlayerContext;
  activity: TStatementInput["object"];
  playback: TVideoPlayback;
  captions: { src: string; label: string } | null;
  resumeAt: number | null;
  title: string;
};

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/** How long the player waits for the metadata before sending a statement without the video's length. */
const LENGTH_WAIT_MS = 15_000;

const knownLength = (video: TMediaElement) =>
  Number.isFinite(video.duration) && video.duration > 0 ? video.duration : null;

/**
 * The video's length, once known. `play` may fire before the metadata has loaded (duration NaN,
 * seen on a loaded machine when playback is asked for at once): the statement then waits for it
 * rather than claim a length of 0, and goes without a length if it never comes.
 */
export function videoLength(video: TMediaElement, waitMs = LENGTH_WAIT_MS): Promise<number | null> {
  const length = knownLength(video);
  if (length !== null) return Promise.resolve(length);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      video.removeEventListener("loadedmetadata", done);
      video.removeEventListener("durationchange", done);
      resolve(knownLength(video));
    };
    const timer = setTimeout(done, waitMs);
    video.addEventListener("loadedmetadata", done);
    video.addEventListener("durationchange", done);
  });
}

/**
 * A video sending the xAPI Video Profile events: a native <video> (keyboard and screen-reader
 * friendly controls) for local files, Mux Player for Mux; both are media elements with the same
 * events and properties, so one set of listeners serves both.
 */
export function VideoPlayer({ context, activity, playback, captions, resumeAt, title }: TProps) {
  const [video, setVideo] = useState<TMediaElement | null>(null);
  const segments = useRef<string[]>([]);
  const segmentStart = useRef<number | null>(null);
  const lastTime = useRef(0);
  const sessionId = useRef(crypto.randomUUID());

  useEffect(() => {
    if (!video) return;
    const contextExtensions = (length: number | null) => ({
      [EXTENSION.videoSessionId]: sessionId.current,
      ...(length === null ? {} : { [EXTENSION.videoLength]: round(length) }),
    });
    const progress = () => (video.duration ? round(Math.min(1, video.currentTime / video.duration)) : 0);
    const closeSegment = (end: number) => {
      if (segmentStart.current !== null) segments.current.push(`${round(segmentStart.current)}[.]${round(end)}`);
      segmentStart.current = null;
    };
    // The result is taken when the event happens; the statements leave in that order, each once
    // the length is known (a later event never overtakes a "played" still waiting for it).
    let queue = Promise.resolve();
    const send = (verb: "played" | "paused" | "seeked" | "completed", result: Record<string, unknown>) => {
      const timestamp = new Date().toISOString();
      queue = queue.then(async () => {
        const length = await videoLength(video);
        // Written to the outbox at once (in order); sent in the background.
        void sendPlayerStatement(context, {
          verb,
          object: activity,
          result,
          timestamp,
          contextExtensions: contextExtensions(length),
        }).catch(() => undefined); // kept in the outbox and retried by statement-queue.ts
      });
    };

    const onLoaded = () => {
      if (resumeAt && resumeAt > 0 && resumeAt < video.duration - 1) video.currentTime = resumeAt;
    };
    const onPlay = () => {
      segmentStart.current = video.currentTime;
      send("played", { extensions: { [EXTENSION.videoTime]: round(video.currentTime) } });
    };
    const onPause = () => {
      if (video.ended) return;
      closeSegment(video.currentTime);
      send("paused", {
        extensions: {
          [EXTENSION.videoTime]: round(video.currentTime),
          [EXTENSION.videoProgress]: progress(),
          [EXTENSION.videoPlayedSegments]: segments.current.join("[,]"),
        },
      });
    };
    const onTimeUpdate = () => {
      if (!video.seeking) lastTime.current = video.currentTime;
    };
    const onSeeked = () => {
      closeSegment(lastTime.current);
      send("seeked", {
        extensions: {
          [EXTENSION.videoTimeFrom]: round(lastTime.current),
          [EXTENSION.videoTimeTo]: round(video.currentTime),
        },
      });
      lastTime.current = video.currentTime;
      if (!video.paused) segmentStart.current = video.currentTime;
    };
    const onEnded = () => {
      closeSegment(video.duration);
      send("completed", {
        completion: true,
        extensions: {
          [EXTENSION.videoTime]: round(video.duration),
          [EXTENSION.videoProgress]: 1,
          [EXTENSION.videoPlayedSegments]: segments.current.join("[,]"),
        },
      });
    };
    video.addEventListener("loadedmetadata", onLoaded);
    video.addEventListener("play", onPlay);
    video.addEventListener("pause", onPause);
    video.addEventListener("timeupdate", onTimeUpdate);
    video.addEventListener("seeked", onSeeked);
    video.addEventListener("ended", onEnded);
    return () => {
      video.removeEventListener("loadedmetadata", onLoaded);
      video.removeEventListener("play", onPlay);
      video.removeEventListener("pause", onPause);
      video.removeEventListener("timeupdate", onTimeUpdate);
      video.removeEventListener("seeked", onSeeked);
      video.removeEventListener("ended", onEnded);
    };
    // One set of listeners per activity and media element.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activity.id, video]);

  if (playback.kind === "mux")
    return <MuxVideo playbackId={playback.playbackId} poster={playback.poster} title={title} onElement={setVideo} />;
  return (
    <video
      ref={setVideo}
      controls
      preload="metadata"
      src={playback.src}
      poster={playback.poster ?? undefined}
      title={title}
      className="player-video"
    >
      {captions && <track kind="captions" src={captions.src} srcLang="fr" label={captions.label} default />}
    </video>
  );
}
