namespace Terminal.Mqtt;

/// <summary>Connection state.</summary>
public enum MqttConnectionState
{
    /// <summary>Not connected; waiting to reconnect or stopped.</summary>
    Disconnected,

    /// <summary>TCP/TLS/CONNECT in progress.</summary>
    Connecting,

    /// <summary>CONNACK accepted.</summary>
    Connected,
}
