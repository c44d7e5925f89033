import { cn } from "@/components/ui/cn";

/** The padlock mark and the name; `inverted` for a dark background (the navigation). */
export function Logo({ className, inverted = false }: { className?: string; inverted?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox="0 0 24 24" className="size-6 shrink-0" aria-hidden="true">
        <rect x="3" y="10" width="18" height="11" rx="2" className={inverted ? "fill-nav-text" : "fill-brand-600"} />
        <path
          d="M7 10V7a5 5 0 0 1 10 0v3"
          className={cn("fill-none", inverted ? "stroke-nav-text" : "stroke-brand-600")}
          strokeWidth="2.5"
        />
        <circle cx="12" cy="15.5" r="1.8" className={inverted ? "fill-nav" : "fill-white"} />
      </svg>
      Keyhouse
    </span>
  );
}
