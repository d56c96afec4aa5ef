# Two commands: `make run` and `make test` (README.md). Everything else is a helper for them.
SHELL := /bin/bash
CONFIGURATION ?= Release
URLS ?= http://127.0.0.1:5080
API_DLL := src/Api/bin/$(CONFIGURATION)/net10.0/Analytics.Api.dll
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: run build test deps deps-test deps-bench bench-http openapi migrate import clean devnet

## run: install what is missing, build, migrate, seed demo data and serve on http://127.0.0.1:5080 (SQLite + in-memory jobs)
run: build
	ASPNETCORE_ENVIRONMENT=$${ASPNETCORE_ENVIRONMENT:-Development} dotnet $(API_DLL) --urls $(URLS)

## build: everything in Release (API, jobs, data, numerics, the native QuantLib wrapper)
build: deps
	dotnet build Analytics.sln -c $(CONFIGURATION) -nologo -clp:ErrorsOnly

## test: every test project; TRX results in TestResults/ (.ci/run sums them)
test: deps-test
	rm -rf TestResults
	dotnet build Analytics.sln -c $(CONFIGURATION) -nologo -clp:ErrorsOnly
	dotnet test --solution Analytics.sln -c $(CONFIGURATION) --no-build --results-directory $(CURDIR)/TestResults --report-xunit-trx

## openapi: regenerate openapi/analytics.v1.json from the running code (review the diff, then commit)
openapi: build
	UPDATE_OPENAPI=1 dotnet test --project tests/Api.Tests -c $(CONFIGURATION) --no-build -- --filter-class '*OpenApiDocumentTests'

## migrate: apply pending migrations to the configured database (PostgreSQL deployments run this once)
migrate: build
	dotnet $(API_DLL) migrate

## import: load a file into the configured database, e.g. make import KIND=quotes FORMAT=deribit-snapshot FILE=../shared/data/options/x.csv [ARGS="--venue deribit"]
import: build
	ASPNETCORE_ENVIRONMENT=$${ASPNETCORE_ENVIRONMENT:-Development} dotnet $(API_DLL) import --kind $(KIND) $(if $(FORMAT),--format $(FORMAT)) $(ARGS) $(FILE)

## bench-http: HTTP load at saturation with wrk on 127.0.0.1 (bench/http/load.sh, about 5 minutes; SECONDS_PER_CASE=30)
bench-http: build deps-bench
	bench/http/load.sh $(or $(SECONDS_PER_CASE),30)

## devnet: local anvil chain + the exchange contract + a trade generator + the service indexing it (scripts/devnet.sh)
devnet: build
	scripts/devnet.sh

deps:
	@scripts/install-deps.sh run

deps-test:
	@scripts/install-deps.sh test
	@scripts/install-chain-tools.sh

deps-bench:
	@scripts/install-deps.sh bench

clean:
	dotnet clean Analytics.sln -nologo -v q
	rm -rf TestResults
