namespace WabaActors.Host.Security;

/// <summary>Endpoint metadata: only an operator key (tenant <c>*</c>) may call it (<c>403 operator_key_required</c>).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class OperatorOnlyAttribute : Attribute;
