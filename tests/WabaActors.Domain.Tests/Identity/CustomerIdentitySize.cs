using System.Runtime.CompilerServices;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Tests.Identity;

/// <summary>
/// What is kept where: a table slot holds only the <see cref="CustomerKey"/> (a 64-bit key and a
/// 32-bit check, 16 bytes with padding). <see cref="CustomerIdentity"/> adds one reference to the
/// text as it was parsed, which is answered back and never copied.
/// </summary>
public class CustomerIdentitySize
{
    [Fact]
    public void TheKeyIsSixteenBytes()
    {
        Assert.Equal(16, Unsafe.SizeOf<CustomerKey>());
    }

    [Fact]
    public void TheIdentityIsTheKeyPlusOneReferenceToTheText()
    {
        Assert.True(Unsafe.SizeOf<CustomerIdentity>() <= 16 + IntPtr.Size, $"{Unsafe.SizeOf<CustomerIdentity>()} bytes");
    }
}
