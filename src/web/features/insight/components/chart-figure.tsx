import { useId, type ReactNode } from 'react';

export type ChartFigureProps = {
  title: string;
  /** One line under the title: what is counted, and how to interact. */
  note?: string;
  children: ReactNode;
};

/** A titled figure: the drawn chart plus its text equivalent, as children. */
export function ChartFigure({ title, note, children }: ChartFigureProps) {
  const id = useId();
  return (
    <figure className="insight-figure" aria-labelledby={id}>
      <figcaption className="insight-figure__caption">
        <h3 id={id}>{title}</h3>
        {note && <p className="insight-figure__note">{note}</p>}
      </figcaption>
      {children}
    </figure>
  );
}
