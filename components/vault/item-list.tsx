"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import type { VaultItem } from "@/lib/dal/items";
import { TYPE_LABELS } from "./filters";
import { type IndexedItem, VAULT_LIST_RENDERED_MARK } from "./vault-index";

const ROW_HEIGHT = 56;

/**
 * The item list, virtualized: only the rows in view are in the page, so 10,000 items scroll as smoothly as 10.
 * It is a listbox: arrow keys move the selection, Enter opens it.
 */
export function ItemList({
  rows,
  selectedId,
  onSelect,
}: {
  rows: { item: VaultItem; entry: IndexedItem }[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler is not enabled here, so nothing memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const selectedIndex = rows.findIndex((row) => row.item.id === selectedId);
  const marked = useRef(false);

  // For `npm run bench`: the first time rows are on screen.
  useEffect(() => {
    if (marked.current || rows.length === 0) return;
    marked.current = true;
    performance.mark(VAULT_LIST_RENDERED_MARK);
  }, [rows.length]);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, selectedIndex + (event.key === "ArrowDown" ? 1 : -1)));
    const row = rows[next];
    if (row) {
      onSelect(row.item.id);
      virtualizer.scrollToIndex(next);
    }
  }

  return (
    <div
      ref={scroller}
      role="listbox"
      aria-label="Items"
      aria-activedescendant={selectedId ? `item-${selectedId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="h-[calc(100vh-16rem)] min-h-80 overflow-y-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-brand-600"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const { item, entry } = rows[virtual.index]!;
          const selected = item.id === selectedId;
          return (
            <div
              key={item.id}
              id={`item-${item.id}`}
              role="option"
              aria-selected={selected}
              onClick={() => onSelect(item.id)}
              style={{
                position: "absolute",
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${virtual.start}px)`,
              }}
              className={cn(
                "flex cursor-pointer flex-col justify-center border-b border-slate-100 px-4",
                selected ? "bg-brand-50" : "hover:bg-slate-50",
              )}
            >
              <span className="truncate font-medium">
                {entry.name}
                {item.favorite ? (
                  <span className="ml-1 text-amber-500" aria-label="(favorite)">
                    ★
                  </span>
                ) : null}
              </span>
              <span className="truncate text-sm text-slate-600">{entry.subtitle ?? TYPE_LABELS[item.type]}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
