"use client";

import { type ReactNode, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { logItemActivity } from "@/app/(vault)/vault/actions";
import type { DecryptedCollection, DecryptedItem } from "./use-decrypted-vault";

type Activity = Parameters<typeof logItemActivity>[0] extends infer I ? (I extends { type: infer T } ? T : never) : never;

/** Reports an item view or copy to the event log; a failure to log never blocks the person. */
function report(cipherId: string, type: Activity) {
  void logItemActivity({ cipherId, type }).catch(() => undefined);
}

export function ItemDetails({ item, collections }: { item: DecryptedItem; collections: DecryptedCollection[] }) {
  const toast = useToast();
  const [shown, setShown] = useState(false);
  const login = item.view.login;

  // Each item gets its own instance (keyed by id), so "shown" starts hidden for every item.
  useEffect(() => {
    report(item.id, "cipher_viewed");
  }, [item.id]);

  async function copy(value: string, label: string, type: Activity) {
    await navigator.clipboard.writeText(value).catch(() => undefined);
    report(item.id, type);
    toast.show(`${label} copied.`);
  }

  const inCollections = collections.filter((collection) => item.collectionIds.includes(collection.id));
  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold">{item.view.name}</h2>
      <dl className="flex flex-col gap-3 text-sm">
        {login?.username ? (
          <Row label="Username">
            <span className="break-all">{login.username}</span>
            <Button variant="ghost" onClick={() => copy(login.username!, "Username", "cipher_username_copied")}>
              Copy<span className="sr-only"> username</span>
            </Button>
          </Row>
        ) : null}
        {login ? (
          <Row label="Password">
            {!item.permissions.viewPassword ? (
              <span className="text-slate-600">Hidden: you may use this item but not see its password.</span>
            ) : login.password ? (
              <>
                <span className="font-mono break-all" data-testid="item-password">
                  {shown ? login.password : "••••••••••"}
                </span>
                <Button
                  variant="ghost"
                  onClick={() => {
                    if (!shown) report(item.id, "cipher_password_viewed");
                    setShown(!shown);
                  }}
                >
                  {shown ? "Hide" : "Show"}
                  <span className="sr-only"> password</span>
                </Button>
                <Button variant="ghost" onClick={() => copy(login.password!, "Password", "cipher_password_copied")}>
                  Copy<span className="sr-only"> password</span>
                </Button>
              </>
            ) : (
              <span className="text-slate-600">None</span>
            )}
          </Row>
        ) : null}
        {login?.uris.map((uri, index) => (
          <Row key={index} label="Website">
            <span className="break-all">{uri.uri}</span>
          </Row>
        ))}
        {item.view.notes ? (
          <Row label="Notes">
            <span className="whitespace-pre-wrap">{item.view.notes}</span>
          </Row>
        ) : null}
        {inCollections.length > 0 ? (
          <Row label="Collections">
            <span>{inCollections.map((collection) => collection.name).join(", ")}</span>
          </Row>
        ) : null}
      </dl>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 flex flex-wrap items-center gap-2">{children}</dd>
    </div>
  );
}
