namespace Terminal.Host.SelfTest;

/// <summary>One part of the self-test and its outcome, worded for a field engineer.</summary>
/// <param name="Name">What was tested, e.g. <c>buffer</c>, <c>led:k5</c>, <c>broker</c>.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Detail">What was found; when it failed, what to check.</param>
internal sealed record SelfTestPart(string Name, bool Passed, string Detail)
{
    public static SelfTestPart Pass(string name, string detail) => new(name, true, detail);

    public static SelfTestPart Fail(string name, string detail) => new(name, false, detail);
}
