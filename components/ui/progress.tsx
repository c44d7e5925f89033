/** An indeterminate progress bar with a visible, announced label: for work of unknown length like key derivation. */
export function IndeterminateProgress({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">{label}</p>
      <div className="h-1.5 w-full overflow-hidden rounded-full bg-brand-100" aria-hidden="true">
        <div className="h-full w-2/5 rounded-full bg-brand-600 [animation:indeterminate_1.2s_ease-in-out_infinite]" />
      </div>
    </div>
  );
}

/** A determinate progress bar (imports, bulk operations). */
export function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">{label}</p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
