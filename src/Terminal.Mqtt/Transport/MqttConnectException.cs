namespace Terminal.Mqtt.Transport;

/// <summary>A connection attempt failed for a reason worth telling a field engineer (TLS, refused CONNACK…).</summary>
internal sealed class MqttConnectException : Exception
{
    public MqttConnectException(MqttFailure failure, Exception? innerException = null)
        : base(failure.Description, innerException) => Failure = failure;

    /// <summary>The cause and the story in words.</summary>
    public MqttFailure Failure { get; }
}
