using Microsoft.Data.Sqlite;

namespace HelpPortal.Articles.Search;

// An index's lifetime: searches take shares, the last one out after retirement closes the database; connections are reused.
public sealed partial class SearchIndex
{
    /// <summary>Takes a share of the index for one search; false once it has been retired and closed.</summary>
    internal bool TryAcquire()
    {
        for (var users = Volatile.Read(ref _users); users > 0; users = Volatile.Read(ref _users))
        {
            if (Interlocked.CompareExchange(ref _users, users + 1, users) == users)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Gives a share back; the last one out closes the database.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _users) == 0)
        {
            while (_idle.TryTake(out var connection))
            {
                connection.Dispose();
            }
            _keeper.Dispose();
        }
    }

    /// <summary>Retires the index: it closes when the last running search finishes.</summary>
    public void Dispose() => Release();

    private SqliteConnection Rent()
    {
        if (_idle.TryTake(out var connection))
        {
            return connection;
        }
        connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private void Return(SqliteConnection connection)
    {
        if (Volatile.Read(ref _users) > 0)
        {
            _idle.Add(connection);
        }
        else
        {
            connection.Dispose();
        }
    }
}
