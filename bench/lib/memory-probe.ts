// Preloaded (`--import`) into a server started by the benchmarks: reports the process's own
// memory over the IPC channel, so the load test can tell a leak from a plateau without an
// inspector. Does nothing when not started with IPC.
const send = process.send?.bind(process);
if (send) {
  setInterval(() => {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    send({ type: 'memory', at: Date.now(), rss, heapUsed, heapTotal });
  }, 500).unref();
}
