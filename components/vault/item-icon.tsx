import { CreditCard, IdCard, KeyRound, type LucideIcon, SquareTerminal, StickyNote } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { CipherType } from "@/lib/enums";
import { letterAvatar } from "./letter-avatar";

/** Bitwarden's item types, each with its icon (the filters and items without a site use them). */
export const TYPE_ICONS: Record<CipherType, LucideIcon> = {
  login: KeyRound,
  card: CreditCard,
  identity: IdCard,
  secure_note: StickyNote,
  ssh_key: SquareTerminal,
};

/**
 * What a row shows before the name: a login's letter avatar (its site's first letter), another type's icon.
 * Decorative: the row says the type in words.
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
  const box = cn("flex size-8 shrink-0 items-center justify-center rounded-md", className);
  if (type !== "login") {
    const Icon = TYPE_ICONS[type];
    return (
      <span aria-hidden="true" className={cn(box, "bg-slate-100 text-slate-600")}>
        <Icon className="size-4" />
      </span>
    );
  }
  const avatar = letterAvatar(name, uris);
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
