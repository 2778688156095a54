namespace Terminal.Hardware.KernelChecks;

/// <summary>Checks sharing kernel objects (gpio-sim chips, uinput devices) made by the constructor and removed by Dispose.</summary>
internal interface ICheckSet : IDisposable
{
    /// <summary>Each check returns a detail line or throws saying what went wrong.</summary>
    IEnumerable<(string Name, Func<Task<string>> Check)> All();
}
