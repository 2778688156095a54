namespace Terminal.Host.Simulation;

/// <summary>A simulated input ready to drive: what to do, and which processed input marks it done.</summary>
/// <param name="Drive">Drives the simulated lines.</param>
/// <param name="Done">True for the loop origin that ends the input (e.g. the key's release).</param>
internal sealed record SimulatedInput(Func<CancellationToken, Task> Drive, Func<string, bool> Done);
