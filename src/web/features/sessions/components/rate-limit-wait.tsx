import { useState } from 'react';
import { useSecondsLeft } from '../../../components/countdown.tsx';

/**
 * The shared Plivo budget is spent: a countdown, not an error. The query retries by itself
 * when it reaches zero; `attempt` restarts the countdown for each new 429.
 */
export function RateLimitWait({ seconds, attempt }: { seconds: number; attempt: number }) {
  return <Countdown key={attempt} seconds={seconds} />;
}

function Countdown({ seconds }: { seconds: number }) {
  const [until] = useState(() => Date.now() + seconds * 1000);
  const left = useSecondsLeft(until);
  return (
    <div className="panel panel-wait" role="status">
      {left > 0
        ? `Waiting ${left} s for the Plivo rate limit (20 list requests a minute, shared by everyone using this dashboard)…`
        : 'Retrying now…'}
    </div>
  );
}
