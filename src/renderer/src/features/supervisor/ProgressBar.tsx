/** A progress bar with its label and percentage; nothing while idle. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  if (value === null) return null
  const pct = Math.round(value * 100)
  return (
    <div className="sv-progress">
      <span>{label}</span>
      <progress max={100} value={pct} aria-label={label} data-testid="backup-progress" />
      <span aria-live="polite">{pct}%</span>
    </div>
  )
}
