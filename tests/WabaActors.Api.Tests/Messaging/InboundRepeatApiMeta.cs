using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

[Collection(MetaApiCollection.Name)]
public sealed class InboundRepeatApiMeta(MetaApiFixture f) : InboundRepeatTests(f);
