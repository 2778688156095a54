namespace Terminal.Mqtt.Tests.Diagnostics;

public class MqttFailureTests
{
    [Theory]
    [InlineData(MqttFailureCause.Unreachable, "unreachable")]
    [InlineData(MqttFailureCause.ClientCertificateRefused, "client-certificate-refused")]
    [InlineData(MqttFailureCause.ServerCertificateWrongHost, "server-certificate-wrong-host")]
    [InlineData(MqttFailureCause.TlsFilesUnusable, "tls-files-unusable")]
    public void Code_IsTheCauseInKebabCase(MqttFailureCause cause, string code) =>
        Assert.Equal(code, new MqttFailure(cause, "x").Code);

    [Fact]
    public void EveryCause_HasADistinctCode() =>
        Assert.Equal(Enum.GetValues<MqttFailureCause>().Length, Enum.GetValues<MqttFailureCause>().Select(MqttFailure.CodeOf).Distinct().Count());
}
