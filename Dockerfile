# syntax=docker/dockerfile:1
# The production image (README.md "Production: containers"). Built and started with the same commands as `make build`
# and `make run` (tests/Api.Tests/Hosting/DeploymentFilesTests.cs checks that they match the Makefile). Written without a
# container engine at hand (none runs on the development machine): kept simple, and not yet built by CI.
#
#   docker build -t analytics-api .
#   docker run --rm -p 127.0.0.1:8080:8080 -e Storage__Provider=Postgres -e Storage__PostgresConnectionString=... analytics-api
#
# Verbs: no argument serves HTTP; `migrate` applies the migrations and exits; `worker` runs the job server only.

# --- build: the SDK with the Debian packages scripts/install-deps.sh installs for `make build` ------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim AS build
# swig + libquantlib0-dev + g++: the QuantLib binding (src/Pricing/QuantLib/QuantLib.targets builds it during the build);
# fonts-dejavu-core: text in rendered charts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends swig libquantlib0-dev g++ fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
COPY . .
RUN dotnet build Analytics.sln -c Release -nologo -clp:ErrorsOnly \
 && test -f src/Api/bin/Release/net10.0/libNQuantLibc.so

# --- runtime: ASP.NET Core, QuantLib's shared library, no compiler, not root -----------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0-bookworm-slim AS runtime
# libquantlib0v5: the library the binding links against (the -dev package's runtime half); curl: the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libquantlib0v5 fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The build output carries appsettings.json and libNQuantLibc.so next to the assemblies (src/Api/Analytics.Api.csproj).
COPY --from=build /src/src/Api/bin/Release/net10.0/ /app/
# The SQLite default (Storage:SqlitePath data/analytics.db) needs a writable folder; PostgreSQL deployments do not use it.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
ENV ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "Analytics.Api.dll"]
CMD ["--urls", "http://0.0.0.0:8080"]
