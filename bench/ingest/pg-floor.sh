#!/usr/bin/env bash
# How fast can PostgreSQL itself merge trades on this machine? No HTTP, no .NET on the hot path: the trades table is
# created by our own migrations, 1,000,000 synthetic trades (shaped like bench/ingest/run.sh's) sit in a staging table,
# and each step times one INSERT … SELECT … ON CONFLICT DO NOTHING of all of them into the emptied table, removing one
# cost at a time. The ingest goal of 150,000 rows/s leaves 6.7 µs per row for everything (parse, COPY and merge).
#   bench/ingest/pg-floor.sh [rows=1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"
pgport=5498; pgbin=/usr/lib/postgresql/15/bin
work=$(mktemp -d); chmod 755 "$work"
cleanup() {
  [ -d "$work/pg" ] && su postgres -c "$pgbin/pg_ctl -D $work/pg -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL missing: apt-get install -y postgresql" >&2; exit 1; }
dotnet build src/Api -c Release -nologo -clp:ErrorsOnly >/dev/null

mkdir -p "$work/pg" && chown postgres "$work/pg"
su postgres -c "$pgbin/initdb -D $work/pg -A trust" >/dev/null
su postgres -c "$pgbin/pg_ctl -D $work/pg -o '-p $pgport -k $work/pg -c listen_addresses=127.0.0.1' -w start" >/dev/null
su postgres -c "psql -h 127.0.0.1 -p $pgport -qc 'CREATE DATABASE floor'"
Storage__Provider=Postgres Storage__PostgresConnectionString="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=floor" \
  Logging__LogLevel__Default=Warning dotnet src/Api/bin/Release/net10.0/Analytics.Api.dll migrate >/dev/null

psql -h 127.0.0.1 -p "$pgport" -U postgres -d floor -qAt -v rows="$rows" <<'SQL' | grep -v '^$' || true
\set ON_ERROR_STOP on
INSERT INTO chains ("Id", "FirstSeenUtc") SELECT c, now() FROM unnest(ARRAY['arbitrum-one', 'base', 'op-mainnet']) c ON CONFLICT DO NOTHING;
INSERT INTO venues ("Id", "FirstSeenUtc") SELECT v, now() FROM unnest(ARRAY['lyra', 'aevo']) v ON CONFLICT DO NOTHING;
INSERT INTO instruments ("Key", "Kind", "Underlying") SELECT 'I' || g, 'option', CASE WHEN g % 2 = 0 THEN 'ETH' ELSE 'BTC' END FROM generate_series(1, 72) g;
CREATE UNLOGGED TABLE stage AS
SELECT k AS row_no, (ARRAY['arbitrum-one', 'base', 'op-mainnet'])[k % 3 + 1] AS "Chain", (ARRAY['lyra', 'aevo'])[k % 2 + 1] AS "Venue",
  '0x' || lpad(to_hex(k / 4), 64, '0') AS "TxHash", (k % 4)::int AS "LogIndex", (1000000 + k / 8)::bigint AS "BlockNumber",
  timestamptz '2025-01-01Z' + make_interval(secs => k * 6) AS "TimestampUtc", (SELECT min("Id") FROM instruments) + k % 72 AS "InstrumentId",
  CASE WHEN k % 2 = 0 THEN 'ETH' ELSE 'BTC' END AS "Underlying", CASE WHEN k % 3 = 0 THEN 'sell' ELSE 'buy' END AS "Side",
  (10 + k % 97)::numeric AS "Price", (10 + k % 97)::numeric AS "PriceUsd", (0.1 + (k % 50) / 10.0)::numeric AS "Size",
  0.25::numeric AS "FeeUsd", 3000::float8 AS "IndexPrice", 'usd' AS "PremiumCurrency"
FROM generate_series(0, :rows - 1) k;
COPY stage TO '/tmp/pg-floor-stage.bin' (FORMAT binary);
\set cols '"Chain", "Venue", "TxHash", "LogIndex", "BlockNumber", "TimestampUtc", "InstrumentId", "Underlying", "Side", "Price", "PriceUsd", "Size", "FeeUsd", "IndexPrice", "PremiumCurrency"'
CREATE FUNCTION timed(label text, sql text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; s float8; n bigint;
BEGIN
  SELECT count(*) INTO n FROM stage; -- per input row, also when all of them are duplicates
  t0 := clock_timestamp();
  EXECUTE sql;
  s := extract(epoch FROM clock_timestamp() - t0);
  RAISE NOTICE '% % s % rows/s % µs/row', rpad(label, 66), to_char(s, '990.00'), to_char(n / s, '9,999,990'), to_char(s * 1e6 / n, '990.0');
END $$;
\set merge 'INSERT INTO trades (' :cols ') SELECT ' :cols ' FROM stage WHERE true ORDER BY row_no ON CONFLICT ("Chain", "TxHash", "LogIndex") DO NOTHING'
CREATE TEMP TABLE chunk (LIKE stage);
SELECT timed('binary COPY into a temporary staging table', $$COPY chunk FROM '/tmp/pg-floor-stage.bin' (FORMAT binary)$$);
CHECKPOINT;
SELECT timed('merge, schema as migrated (3 foreign keys, identity, 5 listings)', :'merge');
TRUNCATE trades; CHECKPOINT;
SELECT timed('(refill for the next line)', :'merge');
SELECT timed('re-merge the same rows into the full table (all duplicates)', :'merge');
TRUNCATE trades; CHECKPOINT;
ALTER TABLE trades DROP CONSTRAINT "FK_trades_chains_Chain", DROP CONSTRAINT "FK_trades_venues_Venue", DROP CONSTRAINT "FK_trades_instruments_InstrumentId";
SELECT timed('merge without the 3 foreign keys', :'merge');
TRUNCATE trades; CHECKPOINT;
DROP INDEX "IX_trades_Chain_TimestampUtc_Id", "IX_trades_Venue_TimestampUtc_Id";
SELECT timed('  ... and without the chain and venue listings', :'merge');
TRUNCATE trades; CHECKPOINT;
DROP INDEX "IX_trades_Underlying_TimestampUtc_Id", "IX_trades_InstrumentId_TimestampUtc_Id", "IX_trades_TimestampUtc_Id";
SELECT timed('  ... and without any listing index (primary key, identity)', :'merge');
TRUNCATE trades; CHECKPOINT;
DROP INDEX "IX_trades_Chain_TxHash_LogIndex";
SELECT timed('  ... plain INSERT, primary key only (no identity, no merge)', $$INSERT INTO trades ($$ || :'cols' || $$) SELECT $$ || :'cols' || $$ FROM stage$$);
SQL
rm -f /tmp/pg-floor-stage.bin
