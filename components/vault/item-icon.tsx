"use client";

import { CreditCard, IdCard, KeyRound, type LucideIcon, SquareTerminal, StickyNote } from "lucide-react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { useSiteIconsSetting } from "@/lib/browser/site-icons";
import type { CipherType } from "@/lib/enums";
import { siteIconHostOf, siteIconPath } from "@/lib/vault/site-icons";
import { type LetterAvatar, letterAvatar } from "./letter-avatar";

/** Bitwarden's item types, each with its icon (the filters and items without a site use them). */
export const TYPE_ICONS: Record<CipherType, LucideIcon> = {
  login: KeyRound,
  card: CreditCard,
  identity: IdCard,
  secure_note: StickyNote,
  ssh_key: SquareTerminal,
};

/**
 * What a row shows before the name: a login's letter avatar (its site's first letter), or its website's icon when
 * this browser shows them; another type's icon. Decorative: the row says the type in words.
 */
export function ItemIcon({
  type,
  name,
  uris,
  className,
}: {
  type: CipherType;
  name: string;
  uris: readonly string[];
  className?: string;
}) {
  const { showSiteIcons } = useSiteIconsSetting();
  const box = cn("relative flex size-8 shrink-0 items-center justify-center rounded-md", className);
  if (type !== "login") {
    const Icon = TYPE_ICONS[type];
    return (
      <span aria-hidden="true" className={cn(box, "bg-slate-100 text-slate-600")}>
        <Icon className="size-4" />
      </span>
    );
  }
  const avatar = letterAvatar(name, uris);
  // Off, no host is looked at, so no request is ever made.
  const host = showSiteIcons ? siteIconHostOf(uris) : null;
  return host ? <SiteIcon key={host} host={host} avatar={avatar} box={box} /> : <Letter avatar={avatar} box={box} />;
}

function Letter({ avatar, box }: { avatar: LetterAvatar; box: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(box, "text-sm font-semibold")}
      style={{ backgroundColor: avatar.colour, color: "#fff" }}
    >
      {avatar.letter}
    </span>
  );
}

/** The website's icon from this server, over the letter avatar until it has loaded; the letter stays if it fails. */
function SiteIcon({ host, avatar, box }: { host: string; avatar: LetterAvatar; box: string }) {
  const [state, setState] = useState<"loading" | "shown" | "failed">("loading");
  if (state === "failed") return <Letter avatar={avatar} box={box} />;
  const shown = state === "shown";
  return (
    <span
      aria-hidden="true"
      className={cn(box, !shown && "text-sm font-semibold")}
      style={shown ? undefined : { backgroundColor: avatar.colour, color: "#fff" }}
    >
      {shown ? null : avatar.letter}
      {/* eslint-disable-next-line @next/next/no-img-element -- this server's own icon route, nothing for next/image to optimise */}
      <img
        src={siteIconPath(host)}
        alt=""
        onLoad={() => setState("shown")}
        onError={() => setState("failed")}
        className={cn("size-6 object-contain", !shown && "invisible absolute")}
      />
    </span>
  );
}
