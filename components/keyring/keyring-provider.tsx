"use client";

import { usePathname, useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
} from "react";
import { Spinner } from "@/components/ui/spinner";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { SymmetricKey } from "@/lib/crypto";
import { KeyChain } from "@/lib/browser/keyring/keys";
import { clearKeyring, isUnlocking, loadUserKey, subscribeKeyring } from "@/lib/browser/keyring/storage";
import type { VaultTimeoutAction } from "@/lib/browser/keyring/vault-timeout";
import { useVaultTimeout } from "./use-vault-timeout";

type Keyring = { userId: string; userKey: SymmetricKey; keys: KeyChain; lock: () => void };

const KeyringContext = createContext<Keyring | null>(null);

/**
 * Renders its children only while this tab holds the user's key; otherwise sends the user to the unlock screen
 * (a new tab, a lock or a vault timeout all land there), unless a login is unwrapping the key right now. The key
 * never exists on the server render. The device's vault timeout drops the key after inactivity, then locks (the
 * effect below shows the unlock screen) or logs out.
 */
export function KeyringProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const inBrowser = useHydrated();
  const userKey = useSyncExternalStore(
    subscribeKeyring,
    () => loadUserKey(userId),
    () => null,
  );
  // A login still unwrapping the key (it opened this page meanwhile): wait for it.
  const unlocking = useSyncExternalStore(subscribeKeyring, isUnlocking, () => false);

  useEffect(() => {
    if (inBrowser && !userKey && !unlocking) router.replace(`/lock?returnTo=${encodeURIComponent(pathname)}`);
  }, [inBrowser, userKey, unlocking, pathname, router]);

  // Dropping the key is all a lock does: the effect above then opens the unlock screen, which returns here.
  const lock = useCallback(() => clearKeyring(), []);

  const timeOut = useCallback(
    async (action: VaultTimeoutAction) => {
      clearKeyring();
      if (action !== "logOut") return;
      await signOut({ redirect: false });
      router.replace("/login");
      router.refresh();
    },
    [router],
  );
  useVaultTimeout(userKey !== null, timeOut);

  // One key chain per unlocked user key: locking drops it, with every key it unwrapped.
  const keyring = useMemo(
    () => (userKey ? { userId, userKey, keys: new KeyChain(userKey), lock } : null),
    [userId, userKey, lock],
  );
  if (!keyring) {
    return (
      <div className="flex justify-center py-24 text-slate-600">
        <Spinner label="Opening your vault…" />
      </div>
    );
  }
  return <KeyringContext.Provider value={keyring}>{children}</KeyringContext.Provider>;
}

export function useKeyring(): Keyring {
  const keyring = useContext(KeyringContext);
  if (!keyring) throw new Error("useKeyring needs a KeyringProvider");
  return keyring;
}
