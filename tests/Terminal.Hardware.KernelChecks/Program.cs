using Terminal.Hardware.KernelChecks;

// Runs inside the gpio-sim guest; prints one "CHECK <name> PASS|FAIL <detail>" line per check,
// which Terminal.Hardware.Tests (Gpio/Kernel) asserts on. Exit code 0 only when all pass.
using var checks = new DriverChecks();
var failed = 0;
foreach (var (name, check) in checks.All())
{
    try
    {
        Console.WriteLine($"CHECK {name} PASS {await check().ConfigureAwait(false)}");
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        failed++;
        Console.WriteLine($"CHECK {name} FAIL {e.GetType().Name}: {e.Message.ReplaceLineEndings(" | ")}");
    }
}

Console.WriteLine($"CHECKS DONE failed={failed}");
return failed == 0 ? 0 : 1;
