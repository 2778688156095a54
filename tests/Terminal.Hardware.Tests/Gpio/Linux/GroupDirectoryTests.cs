using Terminal.Hardware.Gpio.Linux;

namespace Terminal.Hardware.Tests.Gpio.Linux;

public sealed class GroupDirectoryTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    [Fact]
    public void NameOf_KnownGid_ReturnsGroupName()
    {
        File.WriteAllLines(_file, ["root:x:0:", "dialout:x:20:pi", "gpio:x:997:pi,terminal"]);

        Assert.Equal("gpio", GroupDirectory.NameOf(997, _file));
    }

    [Fact]
    public void NameOf_UnknownGidOrMissingFile_ReturnsNull()
    {
        File.WriteAllLines(_file, ["root:x:0:", "broken line"]);

        Assert.Null(GroupDirectory.NameOf(997, _file));
        Assert.Null(GroupDirectory.NameOf(0, _file + ".missing"));
    }

    public void Dispose() => File.Delete(_file);
}
