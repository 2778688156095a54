using Terminal.Hardware.KernelChecks;

// Runs inside the gpio-sim guest; prints one "CHECK <name> PASS|FAIL <detail>" line per check,
// which Terminal.Hardware.Tests (Gpio/Kernel) asserts on. Exit code 0 only when all pass.
// Each set makes its own kernel objects (gpio-sim chips, uinput devices) and removes them after.
// "keyboard NAME BY-ID" instead plays a USB card reader for a guest script (CardReaderConsole).
if (args is ["keyboard", var deviceName, var byId])
{
    return await CardReaderConsole.RunAsync(deviceName, byId, Console.In, Console.Out);
}

var failed = 0;
Func<ICheckSet>[] sets = [() => new DriverChecks(), () => new BindingChecks(), () => new KeyboardReaderChecks()];
foreach (var make in sets)
{
    ICheckSet set;
    try
    {
        set = make();
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        failed++;
        Console.WriteLine($"CHECK-SET FAIL {e.GetType().Name}: {e.Message.ReplaceLineEndings(" | ")}");
        continue;
    }

    using (set)
    {
        foreach (var (name, check) in set.All())
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
    }
}

Console.WriteLine($"CHECKS DONE failed={failed}");
return failed == 0 ? 0 : 1;
