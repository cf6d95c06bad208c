import type { Session } from '../../contract/session.ts';
import { ExportMenu, type ExportMenuProps } from '../features/export/components/export-menu.tsx';
import { verdictFor } from '../lib/session-verdict.ts';

const verdictLabel = (session: Session) => verdictFor(session).label;

/**
 * The Export menu with a verdict column. Loaded lazily with the menu (explorer-toolbar.tsx):
 * drawing verdicts is for the rows and files, not for the first screen.
 */
export function ExplorerExportMenu(props: Omit<ExportMenuProps, 'verdictOf'>) {
  return <ExportMenu {...props} verdictOf={verdictLabel} />;
}
