export interface Crumb {
  label: string;
  href?: string;
}

/** `Grids › g1 › east` — where this page sits; the last crumb is this page. */
export function Crumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav class="crumbs" aria-label="Breadcrumb">
      {items.map((c, i) => (
        <span key={`${i}:${c.label}`}>
          {i > 0 && (
            <span class="crumb-sep" aria-hidden="true">
              {' › '}
            </span>
          )}
          {c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
        </span>
      ))}
    </nav>
  );
}
