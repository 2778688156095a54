using Microsoft.Extensions.Logging;
using Terminal.Host.Systemd;

namespace Terminal.Host.Workers;

/// <summary>What every <see cref="SupervisedWorker"/> needs: heartbeats for the watchdog, the way to give up, time and logs.</summary>
internal sealed record WorkerSupport(WorkerHeartbeats Heartbeats, FatalStop Fatal, TimeProvider Time, ILoggerFactory Loggers);
