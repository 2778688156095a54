using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Simulation;

/// <summary>A simulated input ready to drive: what to do, and which loop input marks it done.</summary>
/// <param name="Drive">Drives the simulated lines.</param>
/// <param name="Done">True for the loop input that ends it (e.g. the key's release, or the reader's outcome).</param>
internal sealed record SimulatedInput(Func<CancellationToken, Task> Drive, Func<TerminalInput, bool> Done);
