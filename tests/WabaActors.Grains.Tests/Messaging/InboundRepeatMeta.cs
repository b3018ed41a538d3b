using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

[Collection(MetaClusterCollection.Name)]
public sealed class InboundRepeatMeta(MetaClusterFixture f) : InboundRepeatTests(f);
