namespace Analytics.Reports.Tests;

/// <summary>The test classes that share one <see cref="ReportsFixture"/> (its daily history takes a while to compute); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<ReportsFixture>
{
    public const string Name = "reports";
}
