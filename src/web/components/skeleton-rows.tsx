/** Placeholder rows while the first page loads: the layout does not jump when data arrives. */
export function SkeletonRows({ count = 8, label }: { count?: number; label: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label} aria-busy="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="skeleton-row" aria-hidden="true" />
      ))}
    </div>
  );
}
