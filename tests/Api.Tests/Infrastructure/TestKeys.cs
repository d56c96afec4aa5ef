using System.Security.Cryptography;
using System.Text;

namespace Analytics.Api.Tests.Infrastructure;

/// <summary>The API keys the test hosts are configured with (only their SHA-256 goes into configuration).</summary>
public static class TestKeys
{
    public const string Reader = "reader-test-key-0001";
    public const string Writer = "writer-test-key-0002";
    public const string Admin = "admin-test-key-00003";

    public static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
