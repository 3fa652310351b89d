using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace HelpPortal.Mail.DomainCheck;

/// <summary>
/// <see cref="IDnsLookup"/> over the DnsClient library, asking only the configured resolver (or the system's when
/// none is configured). No cache: a customer who just fixed a record and checks again must see the fix.
/// </summary>
public sealed class DnsClientLookup : IDnsLookup
{
    private readonly LookupClient _client;

    public DnsClientLookup(DomainExpectations expectations, TimeSpan queryTimeout)
    {
        var options = expectations.Resolver is { } resolver
            ? new LookupClientOptions(new NameServer(resolver))
            : new LookupClientOptions();
        options.UseCache = false;
        options.Timeout = queryTimeout;
        options.Retries = 1;
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = false;
        options.ContinueOnEmptyResponse = false;
        options.UseTcpFallback = true;
        _client = new LookupClient(options);
    }

    public async Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, ToQueryType(type), QueryClass.IN, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsResponseException e)
        {
            throw new DnsLookupFailedException($"no answer for {type} {name}: {e.Code}", e);
        }
        catch (SocketException e)
        {
            throw new DnsLookupFailedException($"no answer for {type} {name}: {e.SocketErrorCode}", e);
        }

        switch (response.Header.ResponseCode)
        {
            case DnsHeaderResponseCode.NoError:
                return new DnsAnswer(true, [.. response.Answers.Select(ToRecord).OfType<DnsAnswerRecord>()]);
            case DnsHeaderResponseCode.NotExistentDomain:
                return DnsAnswer.NoSuchName;
            default:
                throw new DnsLookupFailedException($"the resolver answered {response.Header.ResponseCode} for {type} {name}");
        }
    }

    private static QueryType ToQueryType(DnsRecordType type) => type switch
    {
        DnsRecordType.Mx => QueryType.MX,
        DnsRecordType.Txt => QueryType.TXT,
        DnsRecordType.Srv => QueryType.SRV,
        DnsRecordType.Cname => QueryType.CNAME,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static DnsAnswerRecord? ToRecord(DnsResourceRecord record) => record switch
    {
        MxRecord mx => new MxAnswer(mx.Preference, mx.Exchange.Value),
        TxtRecord txt => new TxtAnswer(string.Concat(txt.Text)),
        SrvRecord srv => new SrvAnswer(srv.Priority, srv.Weight, srv.Port, srv.Target.Value),
        CNameRecord cname => new CnameAnswer(cname.CanonicalName.Value),
        _ => null,
    };
}
