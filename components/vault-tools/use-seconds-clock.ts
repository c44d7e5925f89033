"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 1000;

function subscribe(onTick: () => void): () => void {
  const timer = setInterval(onTick, TICK_MS / 4);
  return () => clearInterval(timer);
}

/** The current time in whole seconds since the epoch, following the clock; null on the server render. */
export function useSecondsClock(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / TICK_MS),
    () => null,
  );
}
