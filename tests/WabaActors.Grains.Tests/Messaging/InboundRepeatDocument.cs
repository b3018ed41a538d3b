using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

[Collection(ClusterCollection.Name)]
public sealed class InboundRepeatDocument(ClusterFixture f) : InboundRepeatTests(f);
