import { useEffect, useState } from 'preact/hooks';

function secondsLeft(until: number | null): number {
  return until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** Whole seconds left until `until` (ms), ticking once a second; 0 once passed or when `until` is null. */
export function useCountdown(until: number | null): number {
  const [tick, setTick] = useState({ until, sec: secondsLeft(until) });
  useEffect(() => {
    if (until === null) return;
    const t = setInterval(() => {
      const sec = secondsLeft(until);
      setTick({ until, sec });
      if (sec === 0) clearInterval(t);
    }, 1000);
    return () => clearInterval(t);
  }, [until]);
  // A new deadline counts from now, not from the last tick of the old one.
  return tick.until === until ? tick.sec : secondsLeft(until);
}
