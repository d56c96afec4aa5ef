using System.Reflection;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Analytics.Data.Indexing;

/// <summary>
/// An event class's parameters (Nethereum's <see cref="ParameterAttribute"/>s and their ABI types) read once, then
/// decoded for every log with those ABI types. Nethereum's <c>FilterLog.DecodeEvent&lt;T&gt;</c> reads the class's
/// attributes again for each log, which cost more than the decoding itself (about 100 µs a log).
/// </summary>
internal sealed class EventLayout<T> where T : new()
{
    public static readonly EventLayout<T> Instance = new();

    private readonly (PropertyInfo Property, Parameter Parameter)[] _indexed, _data;
    private readonly int _dataBytes;

    private EventLayout()
    {
        var parameters = PropertiesExtractor.GetPropertiesWithParameterAttribute(typeof(T))
            .Select(p => (Property: p, p.GetCustomAttribute<ParameterAttribute>(true)!.Parameter))
            .OrderBy(p => p.Parameter.Order).ToArray();
        _indexed = parameters.Where(p => p.Parameter.Indexed).ToArray();
        _data = parameters.Where(p => !p.Parameter.Indexed).ToArray();
        if (_data.Any(p => p.Parameter.ABIType.IsDynamic()))
            throw new NotSupportedException($"{typeof(T).Name}: only static (head-only) data parameters are laid out here");
        _dataBytes = _data.Sum(p => p.Parameter.ABIType.FixedSize);
    }

    /// <summary>Topics a log of this event has: its signature and one per indexed parameter.</summary>
    public int TopicCount => _indexed.Length + 1;

    /// <summary>The event of a log whose topic count was checked; throws when a topic or the data does not decode.</summary>
    public T Decode(object[] topics, string? data)
    {
        var result = new T();
        for (var i = 0; i < _indexed.Length; i++)
        {
            var (property, parameter) = _indexed[i];
            var topic = (topics[i + 1]?.ToString() ?? "").HexToByteArray();
            property.SetValue(result, parameter.ABIType.Decode(topic, property.PropertyType));
        }
        var bytes = (data ?? "").HexToByteArray();
        if (bytes.Length < _dataBytes) throw new FormatException($"{bytes.Length} bytes of data, the event's parameters take {_dataBytes}");
        var offset = 0;
        foreach (var (property, parameter) in _data)
        {
            var size = parameter.ABIType.FixedSize;
            property.SetValue(result, parameter.ABIType.Decode(bytes[offset..(offset + size)], property.PropertyType));
            offset += size;
        }
        return result;
    }
}
