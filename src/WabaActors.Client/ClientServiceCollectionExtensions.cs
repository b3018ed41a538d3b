using Microsoft.Extensions.DependencyInjection;

namespace WabaActors.Client;

/// <summary>Registration of <see cref="MessagingClient"/> next to an Orleans client (<c>UseOrleansClient</c>).</summary>
public static class ClientServiceCollectionExtensions
{
    public static IServiceCollection AddWabaMessagingClient(this IServiceCollection services) =>
        services.AddSingleton<MessagingClient>();
}
