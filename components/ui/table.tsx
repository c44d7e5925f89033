import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * A plain data table. The caption names the table for screen readers (and can be shown); column headers are
 * `TH` (scope="col") and the cell that names a row is `RowHeader` (scope="row"), so each cell is announced
 * with its column and row.
 */
export function Table({
  caption,
  showCaption = false,
  children,
  className,
}: {
  caption: string;
  showCaption?: boolean;
  children: ReactNode;
  className?: string;
}) {
  // `relative`: the scroll box is also the containing block of what is positioned inside (screen-reader-only text
  // is), which would otherwise widen the page instead of scrolling with the table.
  return (
    <div className={cn("relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm", className)}>
      <table className="w-full text-left text-sm">
        <caption className={showCaption ? "px-4 py-3 text-left font-semibold" : "sr-only"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
      <tr>{children}</tr>
    </thead>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-200">{children}</tbody>;
}

export function TR({ children, className }: { children: ReactNode; className?: string }) {
  return <tr className={cn("hover:bg-slate-50", className)}>{children}</tr>;
}

type Align = { align?: "left" | "right" };
const alignment = (align: Align["align"]) => (align === "right" ? "text-right" : "text-left");

/** A column header. */
export function TH({
  align,
  className,
  ...rest
}: Omit<ThHTMLAttributes<HTMLTableCellElement>, "align" | "scope"> & Align) {
  return <th scope="col" className={cn("px-4 py-2 font-semibold", alignment(align), className)} {...rest} />;
}

/** The cell that names its row (usually the first). */
export function RowHeader({
  align,
  className,
  ...rest
}: Omit<ThHTMLAttributes<HTMLTableCellElement>, "align" | "scope"> & Align) {
  return <th scope="row" className={cn("px-4 py-3 font-medium", alignment(align), className)} {...rest} />;
}

export function TD({ align, className, ...rest }: Omit<TdHTMLAttributes<HTMLTableCellElement>, "align"> & Align) {
  return <td className={cn("px-4 py-3", alignment(align), className)} {...rest} />;
}
