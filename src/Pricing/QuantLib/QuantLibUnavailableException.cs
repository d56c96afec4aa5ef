namespace Analytics.Pricing.QuantLib;

/// <summary>
/// Thrown by every QuantLib entry point when the QuantLib binding cannot be used in this process: the
/// assembly was built without it (no swig or QuantLib headers on the build machine), or the native library
/// <c>libNQuantLibc.so</c> (or <c>libQuantLib.so.0</c>) failed to load. The message is
/// "QuantLib unavailable: &lt;reason&gt;"; the web layer answers 503 Service Unavailable.
/// </summary>
public sealed class QuantLibUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception for the given reason.</summary>
    /// <param name="reason">Why QuantLib is unavailable, e.g. "native library failed to load: ...".</param>
    public QuantLibUnavailableException(string reason)
        : base("QuantLib unavailable: " + reason)
    {
        Reason = reason;
    }

    /// <summary>Why QuantLib is unavailable (the message without its prefix).</summary>
    public string Reason { get; }
}
