import { measureSyncInSimulatedTime, syncFigures } from './measure/index-sync.ts';
import { check, formatTable } from './lib/report.ts';
const t = Date.now();
const a = await measureSyncInSimulatedTime(
  Number(process.argv[2] ?? 1500),
  process.argv[3] === 'backfill',
);
console.log(formatTable(syncFigures([a]).map(check)), (Date.now() - t) / 1000, 's');
