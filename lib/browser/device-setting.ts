import "client-only";
import { useSyncExternalStore } from "react";

/**
 * A setting of this device (browser), kept in localStorage and never sent: read through useSyncExternalStore so
 * every component sees changes made here and in the device's other tabs. The server render sees the fallback.
 */
export type DeviceSetting<T> = {
  /** The current value in a component. */
  useValue: () => T;
  /** Stores a new value; throws a RangeError for one `isValid` refuses. */
  write: (value: T) => void;
};

type Options<T> = {
  storageKey: string;
  fallback: T;
  /** The stored text as a value; anything missing or unknown becomes the fallback. */
  parse: (stored: string | null) => T;
  serialize: (value: T) => string;
  isValid: (value: T) => boolean;
  invalidMessage: string;
};

export function createDeviceSetting<T>({
  storageKey,
  fallback,
  parse,
  serialize,
  isValid,
  invalidMessage,
}: Options<T>): DeviceSetting<T> {
  // One value per stored string, so useSyncExternalStore sees the same snapshot until the setting changes.
  let snapshot: { raw: string | null; value: T } | null = null;
  const listeners = new Set<() => void>();

  function read(): T {
    const raw = localStorage.getItem(storageKey);
    if (!snapshot || snapshot.raw !== raw) snapshot = { raw, value: parse(raw) };
    return snapshot.value;
  }

  function subscribe(listener: () => void): () => void {
    const onStorage = (event: StorageEvent) => {
      if (event.key === storageKey || event.key === null) listener();
    };
    listeners.add(listener);
    window.addEventListener("storage", onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener("storage", onStorage);
    };
  }

  function write(value: T): void {
    if (!isValid(value)) throw new RangeError(invalidMessage);
    localStorage.setItem(storageKey, serialize(value));
    listeners.forEach((listener) => listener());
  }

  function useValue(): T {
    return useSyncExternalStore(subscribe, read, () => fallback);
  }

  return { useValue, write };
}
