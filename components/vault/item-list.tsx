"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Star } from "lucide-react";
import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { VaultItem } from "@/lib/dal/items";
import { TYPE_LABELS } from "./filters";
import { ItemIcon } from "./item-icon";
import { type IndexedItem, VAULT_LIST_RENDERED_MARK } from "./vault-index";

const ROW_HEIGHT = 56;
/** Room kept under the list for the count line and the page's bottom padding. */
const ROOM_BELOW = 72;
/** However little room is left, the list shows a few rows. */
const MIN_HEIGHT = 4 * ROW_HEIGHT;

type Row = { item: VaultItem; entry: IndexedItem };

type Props = {
  rows: Row[];
  openedId: string | null;
  onOpen: (id: string) => void;
  checked: ReadonlySet<string>;
  onCheck: (id: string, checked: boolean) => void;
  onCheckAll: (checked: boolean) => void;
  /** The Owner column's text for an item ("Me" or the organization's name); no column without it. */
  ownerOf?: (item: VaultItem) => string;
};

/**
 * The height from the element's top to the bottom of the window, less the room below: the list ends at the fold
 * rather than pushing the count under it. Measured again when the window or anything above the list changes size.
 */
function useRemainingHeight(element: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(480);
  useLayoutEffect(() => {
    const measure = () => {
      const top = (element.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setHeight(Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - ROOM_BELOW)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [element]);
  return height;
}

/**
 * The items as a table, like Bitwarden's: a checkbox per row for bulk actions, the icon, the name (a button that
 * opens the item; arrow keys move between names) and the owner. Virtualized: only the rows in view are in the page,
 * so 10,000 items scroll as smoothly as 10; the box is as tall as its rows, at most down to the window's bottom.
 */
export function ItemList({ rows, openedId, onOpen, checked, onCheck, onCheckAll, ownerOf }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const available = useRemainingHeight(scroller);
  // The React Compiler is not enabled here, so nothing memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const marked = useRef(false);
  const checkedCount = rows.reduce((count, row) => count + (checked.has(row.item.id) ? 1 : 0), 0);
  const allChecked = rows.length > 0 && checkedCount === rows.length;
  const selectAll = useRef<HTMLInputElement>(null);
  // On narrow screens the owner moves under the name: a column would leave the names no room.
  const columns = ownerOf
    ? "grid-cols-[2.75rem_minmax(0,1fr)] sm:grid-cols-[2.75rem_minmax(0,1fr)_minmax(7rem,12rem)]"
    : "grid-cols-[2.75rem_minmax(0,1fr)]";

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = checkedCount > 0 && !allChecked;
  }, [checkedCount, allChecked]);

  // For `npm run bench`: the first time rows are on screen.
  useEffect(() => {
    if (marked.current || rows.length === 0) return;
    marked.current = true;
    performance.mark(VAULT_LIST_RENDERED_MARK);
  }, [rows.length]);

  /** Arrow keys on a name move to the next or previous one, scrolling it into view. */
  function onNameKeyDown(event: React.KeyboardEvent, index: number) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, index + (event.key === "ArrowDown" ? 1 : -1)));
    virtualizer.scrollToIndex(next);
    // The row exists once the virtualizer has rendered it.
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLButtonElement>(`[data-row-index="${next}"] button[data-item-name]`)?.focus(),
    );
  }

  return (
    <div
      role="table"
      aria-label="Items"
      aria-rowcount={rows.length + 1}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white"
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className={cn(
            "grid items-center border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600",
            columns,
          )}
        >
          <span role="columnheader" className="flex justify-center py-2">
            <input
              ref={selectAll}
              data-select-all
              type="checkbox"
              aria-label={`Select all ${rows.length.toLocaleString("en")} items listed`}
              checked={allChecked}
              disabled={rows.length === 0}
              onChange={(event) => onCheckAll(event.target.checked)}
              className="size-4"
            />
          </span>
          <span role="columnheader" className="py-2 pl-12">
            Name
          </span>
          {ownerOf ? (
            <span role="columnheader" className="hidden py-2 pr-4 sm:block">
              Owner
            </span>
          ) : null}
        </div>
      </div>
      <div
        ref={scroller}
        className="overflow-y-auto"
        style={{ height: Math.min(available, Math.max(virtualizer.getTotalSize(), ROW_HEIGHT)) }}
      >
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const { item, entry } = rows[virtual.index]!;
            const opened = item.id === openedId;
            const owner = ownerOf?.(item);
            return (
              <div
                key={item.id}
                role="row"
                aria-rowindex={virtual.index + 2}
                data-row-index={virtual.index}
                style={{ height: ROW_HEIGHT, transform: `translateY(${virtual.start}px)` }}
                className={cn(
                  "absolute inset-x-0 top-0 grid items-center border-b border-slate-100",
                  columns,
                  opened ? "bg-brand-50" : checked.has(item.id) ? "bg-slate-50" : "hover:bg-slate-50",
                )}
              >
                <span role="cell" className="flex justify-center">
                  <input
                    type="checkbox"
                    aria-label={`Select ${entry.name}`}
                    checked={checked.has(item.id)}
                    onChange={(event) => onCheck(item.id, event.target.checked)}
                    className="size-4"
                  />
                </span>
                <span role="cell" className="flex min-w-0 items-center gap-3 pr-2">
                  <ItemIcon type={item.type} name={entry.name} uris={entry.uris} />
                  <span className="flex min-w-0 flex-col">
                    <button
                      type="button"
                      data-item-name
                      aria-current={opened ? "true" : undefined}
                      onClick={() => onOpen(item.id)}
                      onKeyDown={(event) => onNameKeyDown(event, virtual.index)}
                      className="flex min-w-0 items-center gap-1 text-left font-medium text-slate-900 hover:underline"
                    >
                      <span className="truncate">{entry.name}</span>
                      {item.favorite ? (
                        <>
                          <Star aria-hidden="true" className="size-3.5 shrink-0 fill-amber-400 text-amber-500" />
                          <span className="sr-only">(favorite)</span>
                        </>
                      ) : null}
                    </button>
                    <span className="flex min-w-0 items-center gap-2 text-sm text-slate-600">
                      {owner !== undefined ? (
                        <span className="flex max-w-[50%] shrink-0 sm:hidden">
                          <OwnerBadge owner={owner} personal={item.organizationId === null} />
                        </span>
                      ) : null}
                      <span className="truncate">{entry.subtitle ?? TYPE_LABELS[item.type]}</span>
                    </span>
                  </span>
                </span>
                {owner !== undefined ? (
                  <span role="cell" className="hidden min-w-0 pr-3 sm:block">
                    <OwnerBadge owner={owner} personal={item.organizationId === null} />
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** "Me" for one's own items; the organization's name, in the brand's colour, for shared ones. */
function OwnerBadge({ owner, personal }: { owner: string; personal: boolean }) {
  return (
    <span
      title={owner}
      className={cn(
        "inline-block max-w-full truncate rounded-full px-2 py-0.5 align-middle text-xs font-medium",
        personal ? "bg-slate-100 text-slate-700" : "bg-brand-100 text-brand-800",
      )}
    >
      {owner}
    </span>
  );
}
