/** Loading: a visible spinner and the same in words for screen readers. */
export function Spinner({ label = 'Laddar …' }: { label?: string }) {
  return (
    <div className="spinner" role="status">
      <span className="spinner__wheel" aria-hidden="true" />
      <span className="spinner__label">{label}</span>
    </div>
  );
}
