namespace Analytics.Pricing.QuantLib;

/// <summary>
/// An error reported by QuantLib itself (a C++ <c>QuantLib::Error</c> or <c>std::exception</c>, carried
/// across the binding by its <c>%exception</c> handler), for example a parameter QuantLib rejects. The
/// message is "QuantLib error: &lt;QuantLib's message&gt;".
/// </summary>
public sealed class QuantLibException : Exception
{
    /// <summary>Creates the exception from QuantLib's message.</summary>
    /// <param name="quantLibMessage">The text of the C++ exception.</param>
    /// <param name="innerException">The exception raised by the binding.</param>
    public QuantLibException(string quantLibMessage, Exception? innerException)
        : base("QuantLib error: " + quantLibMessage, innerException)
    {
        QuantLibMessage = quantLibMessage;
    }

    /// <summary>QuantLib's own message.</summary>
    public string QuantLibMessage { get; }
}
