// Work the server does on a timer, apart from any request.
export {
  RECORD_SWEEP_FIRST_DELAY_MS,
  RECORD_SWEEP_INTERVAL_MS,
  type RecordSweeper,
  type RecordSweeperOptions,
  type SweepLog,
  startRecordSweeper,
} from './record-sweeper.js';
