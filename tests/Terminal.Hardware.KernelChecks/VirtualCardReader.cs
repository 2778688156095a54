namespace Terminal.Hardware.KernelChecks;

/// <summary>
/// A USB card reader as the terminal finds it: a <see cref="UinputKeyboard"/> behind a <c>by-id</c>
/// symlink, plugged in and unplugged. The guest has no udev, so the symlink is made on plug and
/// removed on unplug here, as udev's 60-persistent-input.rules do for a USB keyboard's event node
/// (<c>/dev/input/by-id/usb-&lt;vendor&gt;_&lt;model&gt;-event-kbd</c>, docs/board-files.md#readers-usb-hid).
/// </summary>
internal sealed class VirtualCardReader(string deviceName, string byId) : IDisposable
{
    private UinputKeyboard? _keyboard;

    /// <summary>The stable path the reader is configured with.</summary>
    public string ById => byId;

    /// <summary>The evdev node the kernel made for the plugged keyboard, e.g. <c>/dev/input/event0</c>.</summary>
    public string EventPath => Plugged.EventPath;

    private UinputKeyboard Plugged => _keyboard ?? throw new InvalidOperationException($"the reader '{deviceName}' is unplugged");

    /// <summary>Creates the uinput keyboard, then its <c>by-id</c> symlink (udev adds the link after the node exists).</summary>
    public void Plug()
    {
        _keyboard = new UinputKeyboard(deviceName);
        Directory.CreateDirectory(Path.GetDirectoryName(byId)!);
        File.Delete(byId);
        File.CreateSymbolicLink(byId, _keyboard.EventPath);
    }

    /// <summary>Removes the symlink and destroys the uinput keyboard: the kernel removes its event node.</summary>
    public void Unplug()
    {
        File.Delete(byId);
        _keyboard?.Dispose();
        _keyboard = null;
    }

    /// <summary>Types <paramref name="text"/> (see <see cref="UinputKeyboard.Type"/>).</summary>
    public void Type(string text) => Plugged.Type(text);

    /// <summary>
    /// Waits until another descriptor holds the device's grab: only then do its key presses reach that
    /// reader. Polled every 20 ms rather than spun: in the single-CPU guest a spinning probe would
    /// starve the very process that is to open and grab the device.
    /// </summary>
    public async Task WaitUntilGrabbedAsync(TimeSpan deadline)
    {
        using var probe = new EvdevProbe(EventPath);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var until = DateTime.UtcNow + deadline;
        while (!probe.GrabbedElsewhere())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"nothing grabbed {EventPath} within {deadline.TotalSeconds} s");
            }

            await poll.WaitForNextTickAsync();
        }
    }

    public void Dispose() => Unplug();
}
