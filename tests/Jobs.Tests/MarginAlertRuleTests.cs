namespace Analytics.Jobs.Tests;

public sealed class MarginAlertRuleTests
{
    [Theory]
    [InlineData(null, 0.9, 0.8, true, true)]    // first look, above: alert
    [InlineData(null, 0.7, 0.8, false, false)]  // first look, below
    [InlineData(false, 0.8, 0.8, true, true)]   // at the threshold counts as above
    [InlineData(true, 0.95, 0.8, true, false)]  // still above: no second alert
    [InlineData(true, 0.5, 0.8, false, false)]  // back below: re-armed, nothing raised
    public void Evaluate_CrossingRules(bool? wasAbove, double utilisation, double threshold, bool above, bool raise) =>
        Assert.Equal((above, raise), MarginAlertRule.Evaluate(wasAbove, utilisation, threshold));

    [Fact]
    public void Evaluate_NonPositiveEquity_IsAboveEveryThreshold() =>
        Assert.Equal((true, true), MarginAlertRule.Evaluate(false, null, 100));
}
