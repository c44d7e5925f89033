export function Logo({ className }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className ?? ""}`}>
      <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true">
        <rect x="3" y="10" width="18" height="11" rx="2" className="fill-brand-600" />
        <path d="M7 10V7a5 5 0 0 1 10 0v3" className="fill-none stroke-brand-600" strokeWidth="2.5" />
        <circle cx="12" cy="15.5" r="1.8" className="fill-white" />
      </svg>
      Keyhouse
    </span>
  );
}
