using Hangfire;
using Hangfire.Storage;

namespace Analytics.Api.Auth;

/// <summary>
/// Dashboard sessions ended by <c>POST /auth/logout</c> (issue 17 item 6): a login cookie carries a random session id,
/// logout records that id as revoked, and the cookie handler refuses a cookie whose id is recorded, so a copy of the
/// cookie taken before logout is worthless afterwards. The record lives in the job storage the dashboard already
/// depends on, with an expiry equal to the cookie lifetime (no cookie issued before the logout outlives it): in
/// PostgreSQL it is shared by every node; with SQLite the job storage is in memory, so a restart forgets revocations
/// (the embedded setup is one process; its cookies also stay valid across restarts because the signing keys are in
/// the database: documented in the README).
/// </summary>
public sealed class SessionRevocations(JobStorage storage)
{
    /// <summary>The claim of the login cookie that names its session.</summary>
    public const string SessionIdClaim = "analytics_sid";

    /// <summary>Records <paramref name="sessionId"/> as ended for <paramref name="lifetime"/> (the cookie's).</summary>
    public void Revoke(string sessionId, TimeSpan lifetime)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        var key = Key(sessionId);
        transaction.SetRangeInHash(key, [new("revoked", "true")]);
        if (transaction is JobStorageTransaction expiring) expiring.ExpireHash(key, lifetime);
        transaction.Commit();
    }

    /// <summary>True when the session was ended by a logout.</summary>
    public bool IsRevoked(string sessionId)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllEntriesFromHash(Key(sessionId)) is { Count: > 0 };
    }

    private static string Key(string sessionId) => $"analytics:revoked-session:{sessionId}";
}
