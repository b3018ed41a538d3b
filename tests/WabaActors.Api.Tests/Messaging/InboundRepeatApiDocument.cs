using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class InboundRepeatApiDocument(ApiFixture f) : InboundRepeatTests(f);
