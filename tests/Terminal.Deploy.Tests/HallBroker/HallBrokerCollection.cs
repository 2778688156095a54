namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>The hall broker tests start brokers and terminals and time a link outage: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HallBrokerCollection : ICollectionFixture<HallPki>
{
    public const string Name = "hall-broker";
}
