using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Architecture;

/// <summary>
/// The architecture rule of STYLE.md, "Dependency direction": Pricing references only the BCL,
/// MathNet.Numerics and its own SWIG code — no ASP.NET Core, EF Core, Hangfire, ILogger or IOptions.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly string[] ForbiddenPrefixes =
    [
        "Microsoft.AspNetCore",
        "Microsoft.EntityFrameworkCore",
        "Hangfire",
        "Microsoft.Extensions.", // ILogger (Logging), IOptions (Options), DI, Configuration, ...
    ];

    [Fact]
    public void PricingAssembly_ReferencedAssemblies_ExcludeWebDataJobsAndHostingFrameworks()
    {
        var referenced = typeof(BlackVanillaOptionPricer).Assembly.GetReferencedAssemblies();
        Assert.NotEmpty(referenced);

        var violations = referenced
            .Select(name => name.Name ?? string.Empty)
            .Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.True(violations.Count == 0, "Pricing must not reference: " + string.Join(", ", violations));
    }

    [Fact]
    public void PricingAssembly_PublicTypes_LiveInTheAnalyticsPricingNamespace()
    {
        var strays = typeof(BlackVanillaOptionPricer).Assembly.GetExportedTypes()
            .Where(type => type.Namespace is null || !type.Namespace.StartsWith("Analytics.Pricing", StringComparison.Ordinal))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(strays);
    }
}
