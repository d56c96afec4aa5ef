namespace Analytics.TestSupport;

/// <summary>Facts about the environment the tests run in.</summary>
public static class CiEnvironment
{
    /// <summary>
    /// True when the <c>CI</c> environment variable is <c>true</c> (any case) or <c>1</c>.
    /// Read on every call, so it is thread-safe and follows changes to the variable.
    /// </summary>
    public static bool IsCi => IsCiValue(Environment.GetEnvironmentVariable("CI"));

    internal static bool IsCiValue(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}
